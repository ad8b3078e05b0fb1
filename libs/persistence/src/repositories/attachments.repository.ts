import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AttachmentPurpose, AttachmentSubject } from '@hardtech/domain';
import { AccessService } from '../access/access.service';
import { displayNameOf } from './display-name';

/** A file the caller may see, with its task's type when it is a task's (taskMaterialVisible). */
export type VisibleAttachment = AttachmentRow & { taskType: string | null };

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
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

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

  /**
   * The enterprise's files (of a subject, of one of its ids) the caller may see, in one read, by the scope of what each is attached to: a
   * pending nomination file its uploader's, a nomination's files its lifecycle's
   * (AccessService.ofLifecycle), a task's the task's (visibleTaskRows), a problem's the problem's
   * (AccessService.problems). A task's file comes with the task's type (`taskType`): whether the
   * caller reads an officer's step's material is the domain's rule (taskMaterialVisible).
   */
  listVisible(
    actor: Actor,
    creditCode: string,
    subject?: AttachmentSubject,
    subjectId?: string,
  ): Promise<VisibleAttachment[]> {
    return this.visibleWhere(
      actor,
      `credit_code = :creditCode AND (CAST(:subject AS text) IS NULL OR subject = :subject)
         AND (CAST(:subjectId AS text) IS NULL OR subject_id = :subjectId)`,
      { creditCode, subject: subject ?? null, subjectId: subjectId ?? null },
    );
  }

  /** One file by its id, when the caller may see it (listVisible's rule: a download's check). */
  async findVisible(actor: Actor, id: string): Promise<VisibleAttachment | null> {
    const [row] = await this.visibleWhere(actor, 'id = :id', { id });
    return row ?? null;
  }

  /** The files matching `where` (with its `params`) that the caller may see (listVisible). */
  private visibleWhere(
    actor: Actor,
    where: string,
    params: Record<string, unknown>,
  ): Promise<VisibleAttachment[]> {
    const lifecycle = this.access.ofLifecycle(actor, 'e', 'l.credit_code', 'l.lifecycle_no');
    const task = this.access.visibleTaskRows(actor, 't');
    const problem = this.access.problems(actor, 'p', 'e');
    // CASE: a subject id is a task's or a problem's uuid only on their subjects.
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT ${COLUMNS}, ${displayNameOf('attachments.uploaded_by')} AS "uploadedByName",
         CASE WHEN subject = 'task' THEN (SELECT t.type FROM tasks t WHERE t.id = attachments.subject_id::uuid)
         END AS "taskType"
       FROM attachments WHERE ${where}
         AND CASE
           WHEN subject = 'nomination' AND subject_id IS NULL THEN uploaded_by = :uploader
           WHEN subject = 'nomination' THEN EXISTS (SELECT 1 FROM lifecycles l
             JOIN enterprises e ON e.credit_code = l.credit_code
             WHERE l.credit_code = attachments.credit_code AND l.lifecycle_no::text = attachments.subject_id
               AND ${lifecycle.sql})
           WHEN subject = 'task' THEN EXISTS (SELECT 1 FROM tasks t
             WHERE t.id = attachments.subject_id::uuid AND ${task.sql})
           WHEN subject = 'problem' THEN EXISTS (SELECT 1 FROM problems p
             JOIN enterprises e ON e.credit_code = p.credit_code
             WHERE p.id = attachments.subject_id::uuid AND ${problem.sql})
           ELSE FALSE END
       ORDER BY uploaded_at, id`,
      {
        ...lifecycle.params,
        ...task.params,
        ...problem.params,
        ...params,
        uploader: actor.username,
      },
      {},
    );
    return this.ds.query(sql, values);
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
