import type { CaseFile } from '../case-file';
import type { Stage } from '../stages';
import { STAGE_LABELS } from '../stages';
import type { TaskType } from '../task-types';
import { TASK_LABELS } from '../task-types';
import { TASK_STATE_LABELS, taskHandled, taskState, type TaskStatus } from '../tasks/state';
import {
  achievementsSection,
  attachmentsSection,
  enterpriseSection,
  opinionsSection,
  outcomeLabel,
  screeningSection,
  time,
} from './case-sections';
import { personLine, text } from './print-format';
import type { Printout, PrintSection } from './printout';

export const APPROVAL_SHEET_TITLE = '中小型硬科技企业帮扶库 审批单';

/** The task an approval sheet is printed for, as the inbox holds it. */
export interface SheetTask {
  id: string;
  type: TaskType;
  status: TaskStatus;
  stage: Stage;
  createdAt: string;
  dueAt: string;
  outcome: string | null;
  completedAt: string | null;
}

/**
 * 审批单: the matter, the case it is decided on (the case file, already redacted for the reader)
 * and, once done, its own outcome with the opinion and who gave it as far as the reader may know.
 */
export function approvalSheet(task: SheetTask, caseFile: CaseFile, printedAt: string): Printout {
  const e = caseFile.enterprise;
  const own = caseFile.opinions.find((o) => o.taskId === task.id);
  const matter: PrintSection = {
    heading: '审批事项',
    fields: [
      { label: '事项', value: TASK_LABELS[task.type]?.zh ?? task.type },
      { label: '企业', value: `${e.name}（${e.creditCode}）` },
      { label: '所处阶段', value: STAGE_LABELS[task.stage]?.zh ?? task.stage },
      { label: '状态', value: TASK_STATE_LABELS[taskState(task)].zh },
      { label: '发起时间', value: time(task.createdAt) },
      { label: '办理时限', value: time(task.dueAt) },
    ],
  };
  // Sent back (退回) as well as done: the result is 退回, the reason its opinion, the officer its 办理人.
  if (taskHandled(task) && task.outcome) {
    matter.fields!.push(
      { label: '办理结果', value: outcomeLabel({ taskType: task.type, outcome: task.outcome }) },
      { label: '办理意见', value: text(own?.opinion) },
      { label: '办理人', value: personLine(own?.actorName, own?.actorDepartment) },
      { label: '办结时间', value: time(task.completedAt) },
    );
  }
  return {
    title: APPROVAL_SHEET_TITLE,
    subtitle: `编号 ${task.id} · 打印时间 ${time(printedAt)}`,
    sections: [
      matter,
      enterpriseSection(e),
      achievementsSection(e),
      screeningSection(caseFile.screening),
      opinionsSection(caseFile.opinions),
      attachmentsSection(caseFile.attachments),
    ].filter((s): s is PrintSection => s !== null),
  };
}
