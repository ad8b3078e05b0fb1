import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTaskDetail } from './taskFixture';

// The quarterly review's 台账问题进展 asked the officer to type a 问题编号 (the problem's uuid, shown
// nowhere): the reviewer now picks the enterprise's problem by title, with its owner and status.
const problem = (id: string, title: string, status: string, ownerDepartment = 'sme') => ({
  id,
  title,
  status,
  ownerDepartment,
  category: 'market',
  measures: '',
  target: '',
  dueAt: '2027-03-31',
  special: null,
  whistleStatus: null,
  whistledAt: null,
  creditCode: '91500112000000001R',
  district: '500112',
  cluster: 'T2',
  updatedAt: '2026-12-01T00:00:00Z',
});
const REVIEW = sampleTaskDetail('QUARTERLY_REVIEW', {
  quarter: '2026Q4',
  creditCode: '91500112000000001R',
});

describe('the quarterly review’s ledger updates', () => {
  it('offers the enterprise’s problems by title and sends the chosen one’s id', async () => {
    Element.prototype.scrollIntoView = vi.fn(); // the page scrolls to its answer once completed
    const user = fastUser();
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': REVIEW,
      'GET /attachments': [],
      'GET /problems': {
        items: [problem('p-1', '市场开拓难', 'in_progress'), problem('p-2', '融资难', 'closing', 'finance')],
        total: 2,
        page: 1,
        pageSize: 200,
      },
      'POST /tasks/t-1/complete': { stage: 'supporting', nextTasks: [] },
    });
    await user.click(await screen.findByText('继续帮扶'));
    await user.click(screen.getByRole('button', { name: /添加一个问题的进展/ }));
    await user.click(await screen.findByRole('combobox', { name: '台账问题' }));
    const open = await screen.findByTitle('市场开拓难 · 中小企业处 · 化解中');
    // A close-out awaiting the coordinators is theirs to decide: shown, not offered.
    const closing = screen.getByTitle('融资难 · 产业金融处 · 销号审核中 · 销号审核中，由科技处决定');
    expect(closing.closest('.ant-select-item')).toHaveClass('ant-select-item-option-disabled');
    await user.click(open);
    await user.click(within(screen.getByTestId('task-form')).getByText('已销号'));
    await user.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as { data: { problemUpdates: unknown[] } };
    expect(sent.data.problemUpdates).toEqual([{ problemId: 'p-1', status: 'resolved' }]);
    expect(calls.map((c) => c.path)).toContain('/problems?creditCode=91500112000000001R&pageSize=200');
  });

  it('shows what an earlier review did to the ledger under its opinion, by problem title', async () => {
    const review = {
      taskId: 'v-1',
      taskType: 'QUARTERLY_REVIEW',
      outcome: 'continue',
      opinion: '经营稳定',
      data: { problemUpdates: [{ problemId: 'p-1', status: 'in_progress', note: '已对接两家检测机构' }] },
      actor: 'industry-t2',
      actorName: '行业处 王芳',
      actorDepartment: { zh: '行业处室', en: 'Industry division' },
      at: '2026-12-06T12:00:00Z',
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': {
        ...REVIEW,
        caseFile: {
          enterprise: { name: '重庆芯测', creditCode: '91500112000000001R', stage: 'supporting' },
          screening: null,
          opinions: [review],
          attachments: [],
        },
      },
      'GET /attachments': [],
      'GET /problems': {
        items: [problem('p-1', '市场开拓难', 'in_progress')],
        total: 1,
        page: 1,
        pageSize: 200,
      },
    });
    const ledger = await screen.findByTestId('ledger-v-1');
    await waitFor(() => expect(ledger).toHaveTextContent('市场开拓难'));
    expect(ledger).toHaveTextContent('化解中');
    expect(ledger).toHaveTextContent('已对接两家检测机构');
    expect(ledger).not.toHaveTextContent('p-1');
  });
});
