import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { fastUser } from '../test/open-page';
import { EvidenceFiles } from './EvidenceFiles';

const stored = {
  id: 'a1',
  creditCode: '91500112MA5U000001',
  subject: 'problem',
  subjectId: 'p-7',
  purpose: 'evidence',
  fileName: '整改报告.pdf',
  contentType: 'application/pdf',
  size: 2048,
  uploadedBy: 'commissioner',
  uploadedByName: '服务专员 郑专员',
  uploadedAt: '2026-11-25T02:00:00.000Z',
};

describe('evidence files of a ledger problem', () => {
  it('uploads to that problem and lists the file with who uploaded it', async () => {
    let files: unknown[] = [];
    const { calls } = fakeApi({
      'GET /attachments': () => ({ body: files }),
      'POST /attachments': () => {
        files = [stored];
        return { status: 201, body: stored };
      },
    });
    render(<EvidenceFiles creditCode={stored.creditCode} subject="problem" subjectId="p-7" />);
    const input = await waitFor(() => {
      const el = document.querySelector<HTMLInputElement>(
        '[data-testid="problem-attachments"] input[type=file]',
      );
      expect(el).not.toBeNull();
      return el!;
    });
    await fastUser().upload(input, new File(['%PDF-1.4'], '整改报告.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('整改报告.pdf')).toBeInTheDocument();
    expect(screen.getByText('服务专员 郑专员')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    const sent = post.body as FormData;
    expect(
      Object.fromEntries(['creditCode', 'subject', 'subjectId', 'purpose'].map((k) => [k, sent.get(k)])),
    ).toEqual({
      creditCode: stored.creditCode,
      subject: 'problem',
      subjectId: 'p-7',
      purpose: 'evidence',
    });
    expect(calls.filter((c) => c.path.startsWith('/attachments?')).at(-1)?.path).toContain('subjectId=p-7');
  });
});
