import type { CountersignMode } from './approval-actions/countersign';
import { COUNTERSIGN_MODE_LABELS } from './approval-actions/countersign';
import type { ProblemWorkKind } from './problem-work';
import { Stage, STAGE_LABELS } from './stages';
import { TASK_LABELS, TaskType } from './task-types';
import { t, Text } from './text';

/**
 * The lines of a lifecycle's history (the enterprise page's timeline, the case file), every one of
 * them made here. English lines are in sentence case: the line's first letter capital, the names
 * put inside it (a task, a stage, an outcome: capitalised where they stand alone, as headings and
 * buttons) lower-case. The timeline read "task opened: City screening" beside "City screening:
 * Pass" (the walk), each place capitalising its own way.
 */

/**
 * Capitals an English history line may hold past its first letter: a quarter (2026Q3), the
 * time zone a notice names (Asia/Shanghai). Every other
 * capital is a case slip. Add an acronym here, by name, when a line needs one.
 */
const ALLOWED_CAPITALS = [/\d{4}Q[1-4]/g, /Asia\/Shanghai/g];

/** Sentence case, as every English line here is written: a capital first, no other but the allowed. */
export function sentenceCase(en: string): boolean {
  const rest = ALLOWED_CAPITALS.reduce((s, re) => s.replace(re, ''), en);
  return /^[A-Z][^A-Z]*$/.test(rest);
}

/**
 * A name as a word inside an English line or notice: "City screening" → "city screening"; an
 * acronym (C1, KPI, Q1) stays.
 */
export function inSentence(text: Text): Text {
  const en = /^[A-Z][a-z]/.test(text.en) ? text.en[0].toLowerCase() + text.en.slice(1) : text.en;
  return { zh: text.zh, en };
}

/** A whole line: its English first letter capital (what follows is as written). */
function line(zh: string, en: string): Text {
  return t(zh, en ? en[0].toUpperCase() + en.slice(1) : en);
}

/** A task's name in a line; "task" when the history does not know its type. */
function taskName(type: TaskType | null): Text {
  return inSentence(type ? TASK_LABELS[type] : t('任务', 'task'));
}

/** A step's line: 市级筛选：通过筛选 / City screening: pass. */
function taskLine(type: TaskType | null, what: Text): Text {
  const task = taskName(type);
  return line(`${task.zh}：${what.zh}`, `${task.en}: ${inSentence(what).en}`);
}

/** What a person did to a task, by the kind of the assignment (认领, 取消认领, 转办). */
const ASSIGN_WORDS = {
  claim: t('认领', 'claimed'),
  unclaim: t('取消认领', 'unclaimed'),
  delegate: t('转办', 'delegated'),
} as const;

/** Ledger work (issue 19): each kind of the workProblem Update. */
const PROBLEM_WORK_WORDS: Record<ProblemWorkKind, Text> = {
  progress: t('记录化解进展', 'progress recorded'),
  close_request: t('申请销号', 'close-out requested'),
  extend: t('申请延期', 'more time requested'),
  handling: t('确定特殊处理', 'special handling set'),
};

/**
 * What the enterprise reads where the history opened an officers' step, whose line (生成待办：
 * 企业吹哨·部门报到) is the officers' business: what happened, in its own terms. No department or
 * officer is named. Its own steps (补充材料, 企业确认, 季度报告, 年度数据更新) keep 生成待办: they are
 * its to-dos; a step it does not read at all is ENTERPRISE_UNSEEN_STEPS (visibility/history).
 */
const ENTERPRISE_OPENED_WORDS: Partial<Record<TaskType, Text>> = {
  SCREEN: t('进入市级筛选', 'city screening began'),
  DISTRICT_FEEDBACK: t('已请区县反馈意见', 'the district was asked for its feedback'),
  ADMIT: t('进入入库审定', 'the admission decision began'),
  DIAGNOSE: t('进入成长诊断', 'the growth diagnosis began'),
  QUARTERLY_REVIEW: t('进入季度调度评审', 'the quarterly review began'),
  GRADUATION_REVIEW: t('进入移出帮扶库评审', 'the graduation review began'),
  WHISTLE_RESPONSE: t('已通知责任部门报到', 'the responsible department was asked to respond'),
  PROBLEM_CLOSE: t('问题销号审核中', 'the problem’s close-out is under review'),
  PROBLEM_EXTENSION: t('问题延期审核中', 'the problem’s extension is under review'),
};

/**
 * Every line a history entry may read, by what happened. `outcome` is a step's outcome in words
 * (the form's label, 退回, 已办理), null when unknown (its code then).
 */
export const HISTORY_LABELS = {
  nominated: (lifecycleNo: number) =>
    line(`推荐入库（第 ${lifecycleNo} 轮）`, `nominated (lifecycle ${lifecycleNo})`),
  continued: () =>
    line('流程续接（continue-as-new），状态与待办原样带入', 'continued as new with its state and open tasks'),
  stageEntered: (stage: Stage) =>
    line(`进入「${STAGE_LABELS[stage].zh}」阶段`, `entered the ${inSentence(STAGE_LABELS[stage]).en} stage`),
  taskOpened: (type: TaskType) => {
    const task = taskName(type);
    return line(`生成待办：${task.zh}`, `task opened: ${task.en}`);
  },
  /** An officers' step opened, as the enterprise reads it; undefined for its own steps (taskOpened). */
  taskOpenedToEnterprise: (type: TaskType): Text | undefined => {
    const words = ENTERPRISE_OPENED_WORDS[type];
    return words && line(words.zh, words.en);
  },
  completed: (type: TaskType | null, outcome: string, words: Text | null) =>
    type
      ? taskLine(type, words ?? t(outcome, outcome))
      : line(`办理任务：${outcome}`, `task completed: ${outcome}`),
  /** A task closed without being done: cancelled, or a 销号 request withdrawn (`how`, its state's words). */
  closed: (type: TaskType | null, how: Text) => taskLine(type, how),
  assigned: (type: TaskType | null, kind: keyof typeof ASSIGN_WORDS, reason?: string | null) => {
    const task = taskName(type);
    const words = ASSIGN_WORDS[kind];
    return line(
      `${task.zh}：${words.zh}${reason ? `（${reason}）` : ''}`,
      `${task.en}: ${words.en}${reason ? ` (${reason})` : ''}`,
    );
  },
  urged: (type: TaskType | null) => taskLine(type, t('催办', 'urged')),
  /** 抄送, naming whom it went to (usernames as recorded, names once the API knows them). */
  copied: (type: TaskType | null, people: string[]) =>
    taskLine(type, t(`抄送 ${people.join('、')}`, `copied to ${people.join(', ')}`)),
  returned: (type: TaskType | null) => taskLine(type, t('退回', 'sent back')),
  withdrawn: (type: TaskType | null) => taskLine(type, t('撤回', 'withdrawn')),
  /** 撤回 of an officers' step as the enterprise reads it: the step is open again, not who took it back or why. */
  reopened: (type: TaskType | null) => taskLine(type, t('重新办理', 'reopened')),
  countersignAsked: (type: TaskType | null, names: string[], mode: CountersignMode) => {
    const how = COUNTERSIGN_MODE_LABELS[mode];
    return taskLine(
      type,
      t(
        `加签 ${names.join('、')}（${how.zh}）`,
        `countersignature asked of ${names.join(', ')} (${inSentence(how).en})`,
      ),
    );
  },
  whistle: (title: string) => line(`企业吹哨：${title}`, `whistle blown: ${title}`),
  /** Ledger work; a kind this reader does not know reads as its code. */
  problemWork: (kind: string) => {
    const words = (PROBLEM_WORK_WORDS as Record<string, Text | undefined>)[kind] ?? t(kind, kind);
    return line(words.zh, words.en);
  },
  quarterTicked: (quarter: string) => line(`季度调度 ${quarter}`, `quarterly dispatch ${quarter}`),
  timerFired: (summary: string | null) =>
    line(`定时器触发${summary ? `：${summary}` : ''}`, `timer fired${summary ? `: ${summary}` : ''}`),
  poolSeatTaken: (members: number, capacity: number) =>
    line(`占用入库名额（${members}/${capacity}）`, `pool seat taken (${members}/${capacity})`),
  poolFull: (members: number, capacity: number) =>
    line(`帮扶库已满（${members}/${capacity}）`, `pool full (${members}/${capacity})`),
  ended: (stage: Stage | null) =>
    line(
      `流程结束${stage ? `：${STAGE_LABELS[stage].zh}` : ''}`,
      `lifecycle ended${stage ? `: ${inSentence(STAGE_LABELS[stage]).en}` : ''}`,
    ),
  terminated: () => line('流程被运维终止', 'lifecycle terminated by an operator'),
  failed: () => line('流程失败', 'lifecycle failed'),
  /** 动态管理: the year's ANNUAL_UPDATE asked of a member (a year it has had changes nothing). */
  annualReviewOpened: (year: number) => line(`${year} 年度动态管理`, `annual review ${year}`),
  /** A year's working calendar entered: the provisional deadlines computed again. */
  deadlinesRecomputed: () =>
    line('工作日历已录入，重算办理时限', 'working calendar entered: deadlines recomputed'),
  /** A step the workflow accepted and then refused: its line, marked. */
  refused: (label: Text) => t(`${label.zh}（未生效）`, `${label.en} (refused)`),
  /** An Update, signal or activity this reader does not know: its name, as recorded. */
  unknown: (name: string) => t(name, name),
};

export type HistoryLabelKind = keyof typeof HISTORY_LABELS;
export const ASSIGN_KINDS = Object.keys(ASSIGN_WORDS) as (keyof typeof ASSIGN_WORDS)[];
