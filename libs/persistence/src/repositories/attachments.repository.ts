import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttachmentPurpose, AttachmentSubject } from '@hardtech/domain';
import { displayNameOf } from './display-name';

export interface AttachmentRow {
  id: string;
  creditCode: string;
  subject: AttachmentSubject;
  subjectId: string | null;
  purpose: AttachmentPurpose;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  /** Listed files only: the uploader's display name (the username when the user is gone). */
  uploadedByName?: string;
  uploadedAt: Date;
}

const COLUMNS = `id, credit_code AS "creditCode", subject, subject_id AS "subjectId", purpose, file_name AS "fileName",
  content_type AS "contentType", size, sha256, storage_key AS "storageKey", uploaded_by AS "uploadedBy",
  uploaded_at AS "uploadedAt"`;

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(a: Omit<AttachmentRow, 'uploadedAt'>): Promise<AttachmentRow> {
    const [row] = await this.ds.query(
      `INSERT INTO attachments (id, credit_code, subject, subject_id, purpose, file_name, content_type, size, sha256,
         storage_key, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING ${COLUMNS}`,
      [
        a.id,
        a.creditCode,
        a.subject,
        a.subjectId,
        a.purpose,
        a.fileName,
        a.contentType,
        a.size,
        a.sha256,
        a.storageKey,
        a.uploadedBy,
      ],
    );
    return row;
  }

  async find(id: string): Promise<AttachmentRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
    return row ?? null;
  }

  list(creditCode: string, subject?: AttachmentSubject, subjectId?: string): Promise<AttachmentRow[]> {
    return this.ds.query(
      `SELECT ${COLUMNS}, ${displayNameOf('attachments.uploaded_by')} AS "uploadedByName"
       FROM attachments WHERE credit_code = $1 AND ($2::text IS NULL OR subject = $2)
         AND ($3::text IS NULL OR subject_id = $3) ORDER BY uploaded_at, id`,
      [creditCode, subject ?? null, subjectId ?? null],
    );
  }

  /** Certificates uploaded by a nominator for a nomination not yet made. */
  async pendingPurposes(creditCode: string, uploadedBy: string): Promise<AttachmentPurpose[]> {
    const rows = await this.ds.query(
      `SELECT DISTINCT purpose FROM attachments
       WHERE credit_code = $1 AND subject = 'nomination' AND subject_id IS NULL AND uploaded_by = $2`,
      [creditCode, uploadedBy],
    );
    return rows.map((r: { purpose: AttachmentPurpose }) => r.purpose);
  }
}
