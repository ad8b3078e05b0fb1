import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  ATTACHMENT_PURPOSES,
  ATTACHMENT_SUBJECTS,
  AttachmentPurpose,
  AttachmentSubject,
  cleanFileName,
  creditCodeProblem,
  detectFileType,
  DomainError,
  FieldError,
  Forbidden,
  InvalidInput,
  NotFound,
  caseWorkRefusal,
  READ_ONLY_ROLES,
  RuleViolation,
  t,
  taskMaterialVisible,
  taskClosedRefusal,
  taskRefusal,
} from '@hardtech/domain';
import {
  AttachmentRow,
  AttachmentsRepository,
  AuditRepository,
  ProblemsRepository,
  type VisibleAttachment,
  TasksRepository,
} from '@hardtech/persistence';
import { FILE_SCANNER, FileScanner } from '../files/file-scanner';
import { FILE_STORE, FileStore } from '../files/file-store';

export interface UploadFields {
  creditCode?: unknown;
  subject?: unknown;
  subjectId?: unknown;
  purpose?: unknown;
}

const NOMINATORS = ['city_coordinator', 'industry_officer', 'district_officer', 'enterprise_user'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function attachmentView(a: AttachmentRow) {
  return {
    id: a.id,
    creditCode: a.creditCode,
    subject: a.subject,
    subjectId: a.subjectId,
    purpose: a.purpose,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedByName: a.uploadedByName ?? a.uploadedBy,
    uploadedAt: new Date(a.uploadedAt).toISOString(),
  };
}

const notFound = () => new NotFound('ATTACHMENT_NOT_FOUND', t('附件不存在', 'no such attachment'));

/**
 * Evidence files on nominations, tasks and ledger problems: checked (size, type by content, the
 * scan hook) before anything is stored, visible within the scope of what they are attached to.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly tasks: TasksRepository,
    private readonly problems: ProblemsRepository,
    private readonly audit: AuditRepository,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(FILE_SCANNER) private readonly scanner: FileScanner,
  ) {}

  async upload(
    actor: Actor,
    file: { originalname: string; buffer: Buffer } | undefined,
    fields: UploadFields,
  ) {
    const target = this.parseFields(fields);
    if (!file?.buffer?.length)
      throw new InvalidInput([{ field: 'file', text: t('请选择要上传的文件', 'no file') }]);
    // The size limit (MAX_UPLOAD_MB) is the multipart parser's: it stops reading there (app.module.ts).
    const fileName = cleanFileName(file.originalname);

    const contentType = detectFileType(fileName, file.buffer.subarray(0, 16));
    if (!contentType) {
      throw new DomainError(
        415,
        'UNSUPPORTED_FILE_TYPE',
        t(
          '仅支持 PDF、图片（PNG/JPEG/GIF/WEBP）和 Office 文件，且扩展名须与内容一致',
          'only PDF, images and Office files whose name matches their content',
        ),
      );
    }
    await this.mayAttach(actor, target);
    const scan = await this.scanner.scan(file.buffer, fileName);
    if (!scan.clean) {
      throw new RuleViolation(
        'FILE_REJECTED',
        t(`文件未通过安全检查：${scan.reason}`, `the file failed the security scan: ${scan.reason}`),
      );
    }
    const id = randomUUID();
    const now = new Date();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    await this.store.put(storageKey, file.buffer);
    try {
      const row = await this.attachments.insert({
        id,
        ...target,
        fileName,
        contentType,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        storageKey,
        uploadedBy: actor.username,
      });
      return attachmentView({ ...row, uploadedByName: actor.displayName ?? actor.username });
    } catch (e) {
      await this.store.remove(storageKey); // nothing stored when the record is not
      throw e;
    }
  }

  async list(actor: Actor, creditCode: string, subject?: AttachmentSubject, subjectId?: string) {
    // One read, by the scope of what each file is attached to (AttachmentsRepository.listVisible).
    const rows = await this.attachments.listVisible(actor, creditCode, subject, subjectId);
    return rows.filter((row) => materialVisible(actor, row)).map(attachmentView);
  }

  async download(actor: Actor, id: string): Promise<{ row: AttachmentRow; stream: Readable }> {
    // The list's rule, for one file: what the caller is not listed it may not download.
    const row = await this.attachments.findVisible(actor, id);
    if (!row || !materialVisible(actor, row)) throw notFound();
    await this.audit.append({
      actor: actor.username,
      actorRole: actor.role,
      action: 'attachment.downloaded',
      creditCode: row.creditCode,
      data: { attachmentId: row.id, fileName: row.fileName, subject: row.subject, subjectId: row.subjectId },
    });
    return { row, stream: await this.store.get(row.storageKey) };
  }

  private parseFields(
    f: UploadFields,
  ): Pick<AttachmentRow, 'creditCode' | 'subject' | 'subjectId' | 'purpose'> {
    const errors: FieldError[] = [];
    const problem = creditCodeProblem(f.creditCode);
    if (problem) errors.push({ field: 'creditCode', text: problem });
    if (!ATTACHMENT_SUBJECTS.includes(f.subject as AttachmentSubject)) {
      errors.push({
        field: 'subject',
        text: t('取值应为 nomination / task / problem', 'must be nomination, task or problem'),
      });
    }
    const purpose = f.purpose ?? 'evidence';
    if (!ATTACHMENT_PURPOSES.includes(purpose as AttachmentPurpose)) {
      errors.push({ field: 'purpose', text: t('取值应为 C3 / C5 / evidence', 'must be C3, C5 or evidence') });
    }
    const needsId = f.subject === 'task' || f.subject === 'problem';
    if (needsId && !(typeof f.subjectId === 'string' && UUID.test(f.subjectId))) {
      errors.push({ field: 'subjectId', text: t('应为任务或问题编号', 'must be the task or problem id') });
    }
    if (!needsId && f.subjectId !== undefined && f.subjectId !== '') {
      errors.push({ field: 'subjectId', text: t('推荐材料无需指定编号', 'not used for nominations') });
    }
    if (errors.length) throw new InvalidInput(errors);
    return {
      creditCode: f.creditCode as string,
      subject: f.subject as AttachmentSubject,
      subjectId: needsId ? (f.subjectId as string).toLowerCase() : null,
      purpose: purpose as AttachmentPurpose,
    };
  }

  /** Who may attach: the nominators (before nominating), whoever may do the task, officers of the problem. */
  private async mayAttach(
    actor: Actor,
    target: { creditCode: string; subject: AttachmentSubject; subjectId: string | null },
  ) {
    if (READ_ONLY_ROLES.includes(actor.role)) {
      throw new Forbidden('READ_ONLY_ROLE', t('您的角色只能查看，不能修改', 'your role may only read'));
    }
    // A task's or a problem's file is case work, which the three administrators (三员) do not do:
    // 403 whether or not they may see the case (the system administrator sees every one).
    const noCaseWork = target.subject === 'nomination' ? null : caseWorkRefusal(actor.role);
    if (noCaseWork) throw noCaseWork;
    switch (target.subject) {
      case 'nomination':
        if (!NOMINATORS.includes(actor.role)) {
          throw new Forbidden('ROLE_NOT_ALLOWED', t('您的角色不能推荐企业', 'your role may not nominate'));
        }
        if (
          actor.role === 'enterprise_user' &&
          !(actor.scope.creditCodes ?? []).includes(target.creditCode)
        ) {
          throw new Forbidden(
            'NOMINATION_OUT_OF_SCOPE',
            t('只能为本企业上传材料', 'only for your own enterprise'),
          );
        }
        return;
      case 'task': {
        const task = await this.tasks.findVisible(actor, target.subjectId!);
        if (!task || task.creditCode !== target.creditCode) {
          throw new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
        }
        // A closed task takes no more files: 409 as every other action on it (taskClosedRefusal).
        const refusal =
          task.status === 'open' ? taskRefusal(actor, task, 'complete') : taskClosedRefusal(task.status);
        if (refusal) throw refusal;
        return;
      }
      case 'problem': {
        const visible = await this.problems.findVisible(actor, target.subjectId!);
        if (!visible || visible.problem.creditCode !== target.creditCode) {
          throw new NotFound('PROBLEM_NOT_FOUND', t('问题不存在', 'no such problem'));
        }
        return;
      }
    }
  }
}

/**
 * Beyond the scope of what a file is attached to (AttachmentsRepository.listVisible): an officer's
 * step's files are its deliberation (libs/domain/src/visibility), not every reader's.
 */
function materialVisible(actor: Actor, row: VisibleAttachment): boolean {
  return row.subject !== 'task' || taskMaterialVisible(actor.role, row.taskType ?? '');
}
