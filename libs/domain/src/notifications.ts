import { shanghaiTime } from './calendar';
import { TASK_LABELS, TaskType } from './task-types';
import { inSentence } from './history-labels';
import { Text } from './text';

/**
 * What a notification about a task says happened: it opened, it is due soon, it is overdue, someone
 * urged it (催办) or copied it to the reader (抄送) — these two carry their own words (`data.text`) —
 * or a completion that a fault kept from the workflow was not applied and the task is open again;
 * or the coordinators decided a ledger problem's close request or request for more time
 * (`problem_decided`, about the problem, not the task: its text carried, written for each reader);
 * or a department answered the enterprise's whistle (`whistle_answered`, told to the enterprise).
 */
export type NotificationKind =
  | 'task_opened'
  | 'reminder'
  | 'escalation'
  | 'urge'
  | 'cc'
  | 'reopened'
  | 'problem_decided'
  | 'whistle_answered';

/** The text a notification carries in its data (urges, copies, digests), when it carries one. */
export function carriedText(data: unknown): Text | null {
  const text = (data as { text?: Text } | null | undefined)?.text;
  return text && typeof text.zh === 'string' && typeof text.en === 'string' ? text : null;
}

/** 催办: what the assignee (else the candidates) is told, with the urger's words if any. */
export function urgeText(taskType: TaskType, enterpriseName: string, by: string, message?: string): Text {
  const task = inSentence(TASK_LABELS[taskType]);
  const words = message ? { zh: `：“${message}”`, en: `: "${message}"` } : { zh: '', en: '' };
  return {
    zh: `【催办】${by} 催办「${enterpriseName}」的${task.zh}，请尽快办理${words.zh}`,
    en: `${by} urges you to do ${task.en} for ${enterpriseName}${words.en}`,
  };
}

/** 抄送: what a person a task was copied to is told. */
export function ccText(taskType: TaskType, enterpriseName: string, by: string, note?: string): Text {
  const task = inSentence(TASK_LABELS[taskType]);
  const words = note ? { zh: `：“${note}”`, en: `: "${note}"` } : { zh: '', en: '' };
  return {
    zh: `【抄送】${by} 将「${enterpriseName}」的${task.zh}抄送给您（只读）${words.zh}`,
    en: `${by} copied ${task.en} for ${enterpriseName} to you (read-only)${words.en}`,
  };
}

/**
 * 退回: the notice of a step sent back, in place of 【新待办】: that it came back and why, so the
 * enterprise (or the officer) knows what to correct before opening it. Not who sent it back: an
 * enterprise never learns which officer decided.
 */
export function returnedTaskText(
  taskType: TaskType,
  enterpriseName: string,
  dueAt: string,
  reason: string,
): Text {
  const task = inSentence(TASK_LABELS[taskType]);
  const due = shanghaiTime(dueAt);
  return {
    zh: `【退回重办】「${enterpriseName}」的${task.zh}已被退回，请按理由修改后重新办理（时限 ${due}）：“${reason}”`,
    en: `Sent back: ${task.en} for ${enterpriseName} needs doing again (due ${due}, Asia/Shanghai): "${reason}"`,
  };
}

/** What a new-task notice, a reminder or an escalation says, in both languages. */
export function notificationText(
  kind: NotificationKind,
  taskType: TaskType,
  enterpriseName: string,
  dueAt: string,
): Text {
  const task = inSentence(TASK_LABELS[taskType]);
  const due = shanghaiTime(dueAt);
  if (kind === 'urge') return urgeText(taskType, enterpriseName, '—');
  if (kind === 'cc') return ccText(taskType, enterpriseName, '—');
  if (kind === 'task_opened') {
    return {
      zh: `【新待办】「${enterpriseName}」的${task.zh}待您办理，办理时限 ${due}。`,
      en: `New task: ${task.en} for ${enterpriseName}, due ${due} (Asia/Shanghai).`,
    };
  }
  if (kind === 'reopened') {
    return {
      zh: `【办理未生效】您对「${enterpriseName}」${task.zh}的办理因系统故障未能生效，该任务已重新打开，请重新办理（时限 ${due}）。`,
      en: `Not applied: your completion of ${task.en} for ${enterpriseName} was lost in a system fault; the task is open again, please complete it again (due ${due}, Asia/Shanghai).`,
    };
  }
  if (kind === 'reminder') {
    return {
      zh: `【待办提醒】「${enterpriseName}」的${task.zh}将于 ${due} 到期，请及时办理。`,
      en: `Reminder: ${task.en} for ${enterpriseName} is due ${due} (Asia/Shanghai).`,
    };
  }
  const to =
    taskType === 'WHISTLE_RESPONSE'
      ? { zh: '委领导', en: 'the leadership' }
      : { zh: '科技处', en: 'the city coordinator' };
  return {
    zh: `【逾期升级】「${enterpriseName}」的${task.zh}已超过办理时限（${due}），已升级至${to.zh}。`,
    en: `Escalated to ${to.en}: ${task.en} for ${enterpriseName} was due ${due} (Asia/Shanghai) and is still open.`,
  };
}

/** The working-day morning digest: what is due soon and what is overdue, for one person. */
export function digestText(
  date: string,
  tasks: { label: Text; enterpriseName: string; dueAt: string; overdue: boolean }[],
): Text {
  const overdue = tasks.filter((x) => x.overdue);
  const soon = tasks.filter((x) => !x.overdue);
  const line = (x: (typeof tasks)[number], lang: 'zh' | 'en') =>
    `- ${x.enterpriseName} · ${x.label[lang]} · ${lang === 'zh' ? '时限' : 'due'} ${shanghaiTime(x.dueAt)}`;
  return {
    zh: [
      `【待办汇总 ${date}】逾期 ${overdue.length} 项，即将到期 ${soon.length} 项。`,
      ...overdue.map((x) => `${line(x, 'zh')}（已逾期）`),
      ...soon.map((x) => line(x, 'zh')),
    ].join('\n'),
    en: [
      `Task digest ${date}: ${overdue.length} overdue, ${soon.length} due soon.`,
      ...overdue.map((x) => `${line(x, 'en')} (overdue)`),
      ...soon.map((x) => line(x, 'en')),
    ].join('\n'),
  };
}

/** Who is told that a quarter's 调度会材料 is ready: the coordinators who hold the meeting, the leaders. */
export const BRIEFING_AUDIENCE = ['city_coordinator', 'leader'];

/** The feed's 'briefing' notice: the quarter's meeting pack is ready to download. */
export function briefingText(quarter: string): Text {
  return {
    zh: `【调度会材料】${quarter} 季度调度会材料已生成，可在驾驶舱或此处下载。`,
    en: `The ${quarter} dispatch meeting pack is ready to download (dashboard or here).`,
  };
}
