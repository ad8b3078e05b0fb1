import { cleanFileName, detectFileType, requiredEvidence } from './attachments';
import { sampleNomination } from './samples';

const bytes = (...b: number[]) => Buffer.from(b);

describe('attachments', () => {
  it('recognises files by their content and requires the name to agree', () => {
    expect(detectFileType('证书.pdf', Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectFileType('scan.JPG', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectFileType('x.docx', bytes(0x50, 0x4b, 0x03, 0x04))).toContain('wordprocessingml');
    expect(detectFileType('old.doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe(
      'application/msword',
    );
  });

  it.each([
    ['a PDF named .png', 'x.png', Buffer.from('%PDF-1.4')],
    ['a script named .pdf', 'x.pdf', Buffer.from('#!/bin/sh')],
    ['an executable', 'setup.exe', bytes(0x4d, 0x5a)],
    ['HTML', 'page.html', Buffer.from('<html>')],
    ['no extension', 'README', Buffer.from('%PDF-1.4')],
  ])('refuses %s', (_, name, head) => {
    expect(detectFileType(name, head)).toBeNull();
  });

  it('asks for the certificates of C3 and C5 only when they are claimed', () => {
    expect(requiredEvidence(sampleNomination())).toEqual(['C3', 'C5']);
    expect(
      requiredEvidence(sampleNomination({ techCenter: { kind: 'none', level: null }, classOneIpCount: 0 })),
    ).toEqual([]);
  });

  it('keeps only a safe base name', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\tmp\\证书"1".pdf')).toBe('证书1.pdf');
  });
});
