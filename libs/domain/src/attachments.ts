import { Nomination } from './nomination';
import { Text, t } from './text';

/** What a file is attached to: a nomination (before or after it is made), a task, a ledger problem. */
export const ATTACHMENT_SUBJECTS = ['nomination', 'task', 'problem'] as const;
export type AttachmentSubject = (typeof ATTACHMENT_SUBJECTS)[number];

/** Why it is attached: the certificates that prove C3 and C5, or other evidence. */
export const ATTACHMENT_PURPOSES = ['C3', 'C5', 'evidence'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const PURPOSE_LABELS: Record<AttachmentPurpose, Text> = {
  C3: t(
    '市级企业技术中心或技术创新示范企业认定文件',
    'Technology centre or demonstration enterprise certificate',
  ),
  C5: t('Ⅰ类知识产权证书', 'Class I IP certificates'),
  evidence: t('佐证材料', 'Supporting evidence'),
};

interface FileKind {
  contentType: string;
  extensions: string[];
  /** The file's first bytes. */
  magic: (head: Buffer) => boolean;
}

const starts = (bytes: number[]) => (head: Buffer) => bytes.every((b, i) => head[i] === b);
const OOXML = starts([0x50, 0x4b, 0x03, 0x04]); // a zip: docx, xlsx, pptx
const OLE2 = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // doc, xls, ppt

/** PDF, images and Office files: recognised by their content, not by what the client says. */
const KINDS: FileKind[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: starts([0x25, 0x50, 0x44, 0x46]) },
  { contentType: 'image/png', extensions: ['png'], magic: starts([0x89, 0x50, 0x4e, 0x47]) },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: starts([0xff, 0xd8, 0xff]) },
  { contentType: 'image/gif', extensions: ['gif'], magic: starts([0x47, 0x49, 0x46, 0x38]) },
  {
    contentType: 'image/webp',
    extensions: ['webp'],
    magic: (h) => starts([0x52, 0x49, 0x46, 0x46])(h) && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: OOXML,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    magic: OOXML,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    magic: OOXML,
  },
  { contentType: 'application/msword', extensions: ['doc'], magic: OLE2 },
  { contentType: 'application/vnd.ms-excel', extensions: ['xls'], magic: OLE2 },
  { contentType: 'application/vnd.ms-powerpoint', extensions: ['ppt'], magic: OLE2 },
];

export const ALLOWED_EXTENSIONS = KINDS.flatMap((k) => k.extensions);

/** The file's type when its name and its content agree on an allowed one; null otherwise. */
export function detectFileType(fileName: string, head: Buffer): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const kind = KINDS.find((k) => ext && k.extensions.includes(ext));
  return kind && kind.magic(head) ? kind.contentType : null;
}

/** 二(一) 3 and 5 are facts a certificate proves: what a nomination must come with. */
export function requiredEvidence(n: Pick<Nomination, 'techCenter' | 'classOneIpCount'>): AttachmentPurpose[] {
  return [
    ...(n.techCenter.kind !== 'none' ? (['C3'] as const) : []),
    ...(n.classOneIpCount > 0 ? (['C5'] as const) : []),
  ];
}

/** A file name safe to store and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const printable = [...base].filter((c) => c >= ' ' && c !== '\u007f' && c !== '"');
  return printable.join('').slice(-150) || 'file';
}
