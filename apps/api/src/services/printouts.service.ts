import { Injectable } from '@nestjs/common';
import { Actor, approvalSheet, dossier, NotFound, t } from '@hardtech/domain';
import { TasksRepository } from '@hardtech/persistence';
import { CaseFileService } from './case-file.service';
import { EnterprisesService } from './enterprises.service';
import { printoutPdf } from './printout-pdf';
import { TasksService } from './tasks.service';

const noTask = () => new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
const noCase = () => new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));

/**
 * The printable 审批单 and 一企一档: built from the same reads as the JSON (scope checked, redacted
 * by libs/domain/src/visibility), so a PDF holds nothing the caller could not read in the API.
 */
@Injectable()
export class PrintoutsService {
  constructor(
    private readonly tasks: TasksService,
    private readonly enterprises: EnterprisesService,
    private readonly caseFiles: CaseFileService,
    private readonly taskRows: TasksRepository,
  ) {}

  async approvalSheet(actor: Actor, taskId: string): Promise<Buffer> {
    // detail() checks the scope; the serial is read only for a task the caller may see.
    const task = await this.tasks.detail(actor, taskId);
    if (!task.caseFile) throw noCase();
    const sheetNo = await this.taskRows.sheetNo(taskId);
    if (sheetNo === null) throw noTask();
    return printoutPdf(approvalSheet({ ...task, sheetNo }, task.caseFile, new Date().toISOString()));
  }

  async dossier(actor: Actor, creditCode: string): Promise<Buffer> {
    const enterprise = await this.enterprises.detail(actor, creditCode);
    const caseFile = await this.caseFiles.ofEnterprise(actor, creditCode);
    if (!caseFile) throw noCase();
    return printoutPdf(dossier(caseFile, enterprise, new Date().toISOString()));
  }
}
