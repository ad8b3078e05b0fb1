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
import { tableSection, type Printout, type PrintSection } from './printout';
import { COUNTERSIGN_MODE_LABELS, type CountersignMode } from '../approval-actions/countersign';

export const APPROVAL_SHEET_TITLE = '中小型硬科技企业帮扶库 审批单';

/**
 * 审批单编号 as an official writes a document number: 渝硬科审〔2026〕128号, the year the task opened
 * (Beijing time) and the task's serial in that year (tasks.sheet_year, tasks.sheet_no, numbered when
 * the task is inserted, never reused). Numbers start again at 1 each year, as document numbers do:
 * the year and the serial together name one task. The same every time the sheet is printed.
 */
export function approvalSheetNo(task: { sheetYear: number; sheetNo: number }): string {
  return `渝硬科审〔${task.sheetYear}〕${task.sheetNo}号`;
}

/** The task's 加签 rounds; none asked, no section (most steps never have one). */
function countersignSection(rounds: readonly SheetCountersign[]): PrintSection | null {
  if (!rounds.length) return null;
  return tableSection(
    '加签',
    [
      ['发起人', 2.6],
      ['会签人', 3],
      ['方式', 1.2],
      ['说明', 2.8],
      ['时间', 2.2],
    ],
    rounds.map((r) => [
      r.requestedByName ?? r.requestedBy,
      (r.userNames ?? r.users).join('、'),
      COUNTERSIGN_MODE_LABELS[r.mode].zh,
      text(r.note),
      time(r.at),
    ]),
  );
}

/** The task an approval sheet is printed for, as the inbox holds it. */
export interface SheetTask {
  id: string;
  /** The year and serial its 编号 prints (approvalSheetNo). */
  sheetYear: number;
  sheetNo: number;
  type: TaskType;
  status: TaskStatus;
  stage: Stage;
  createdAt: string;
  dueAt: string;
  outcome: string | null;
  completedAt: string | null;
  /** 加签 asked on it, as far as the reader may know (null for an enterprise and the departments). */
  countersigns?: SheetCountersign[] | null;
}

/** One 加签 round as the sheet prints it: who asked (王五（代 张三） for a proxy), of whom, how, when. */
export interface SheetCountersign {
  requestedByName?: string;
  requestedBy: string;
  userNames?: string[];
  users: string[];
  mode: CountersignMode;
  note: string;
  at: string;
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
      // The stage this step belongs to, which stays as it was once it is done; the enterprise's
      // stage now is 企业当前阶段 under 企业基本情况 (both were 阶段, 纳入库中 beside 市级筛选).
      { label: '本环节所属阶段', value: STAGE_LABELS[task.stage]?.zh ?? task.stage },
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
    subtitle: `编号 ${approvalSheetNo(task)} · 打印时间 ${time(printedAt)}`,
    sections: [
      matter,
      enterpriseSection(e),
      achievementsSection(e),
      screeningSection(caseFile.screening),
      countersignSection(task.countersigns ?? []),
      opinionsSection(caseFile.opinions),
      attachmentsSection(caseFile.attachments),
    ].filter((s): s is PrintSection => s !== null),
  };
}
