import { Injectable } from '@nestjs/common';
import { Actor, approvalSheet, dossier, NotFound, t } from '@hardtech/domain';
import { CaseFileService } from './case-file.service';
import { EnterprisesService } from './enterprises.service';
import { printoutPdf } from './printout-pdf';
import { TasksService } from './tasks.service';

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
  ) {}

  /** The 审批单 and the 编号 it prints (渝硬科审〔2026〕128号), which names the file. */
  async approvalSheet(
    actor: Actor,
    taskId: string,
  ): Promise<{ file: Buffer; sheetYear: number; sheetNo: number; sheetNoText: string }> {
    // detail() checks the scope and carries the task's 编号 (sheetYear, sheetNo).
    const task = await this.tasks.detail(actor, taskId);
    if (!task.caseFile) throw noCase();
    const file = await printoutPdf(approvalSheet(task, task.caseFile, new Date().toISOString()));
    return { file, sheetYear: task.sheetYear, sheetNo: task.sheetNo, sheetNoText: task.sheetNoText };
  }

  async dossier(actor: Actor, creditCode: string): Promise<Buffer> {
    const enterprise = await this.enterprises.detail(actor, creditCode);
    const caseFile = await this.caseFiles.ofEnterprise(actor, creditCode);
    if (!caseFile) throw noCase();
    return printoutPdf(dossier(caseFile, enterprise, new Date().toISOString()));
  }
}
