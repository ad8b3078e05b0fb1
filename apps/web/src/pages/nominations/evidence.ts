import type { UploadFile } from 'antd';
import type { AttachmentPurpose } from '@hardtech/domain/attachments';
import { api } from '../../api/client';

/** The certificates chosen per purpose, as the form holds them (antd Upload file lists). */
export type EvidenceFiles = Partial<Record<AttachmentPurpose, UploadFile[]>>;

/**
 * Sends the chosen certificates before the nomination (POST /api/attachments, subject nomination):
 * the server binds a nominator's pending files of that credit code to the lifecycle it starts.
 * Files already sent for this credit code (a refused submit, tried again) are not sent twice.
 * A refused file throws with the purpose it was for, so the error goes beside its upload field.
 */
export async function uploadEvidence(
  creditCode: string,
  purposes: AttachmentPurpose[],
  files: EvidenceFiles,
  sent: Map<string, string>,
): Promise<void> {
  for (const purpose of purposes) {
    for (const file of files[purpose] ?? []) {
      if (!file.originFileObj || sent.get(file.uid) === creditCode) continue;
      const body = new FormData();
      body.append('file', file.originFileObj);
      body.append('creditCode', creditCode);
      body.append('subject', 'nomination');
      body.append('purpose', purpose);
      try {
        await api('/attachments', { body });
      } catch (e) {
        throw Object.assign(e as Error, { purpose });
      }
      sent.set(file.uid, creditCode);
    }
  }
}
