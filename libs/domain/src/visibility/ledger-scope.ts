import { Role } from '../roles';
import { LEDGER_TASK_TYPES } from '../task-keys';
import { isTaskType, TaskType } from '../task-types';
import { HistoryEntry } from '../views';
import { readerOf } from './readers';

/**
 * 中小企业处 and 产业金融处 read the ledger items their department owns (docs/design.md 2.4): the
 * enterprise they see through such an item is no window on another department's. Every other
 * reader who sees the enterprise reads its whole ledger (the lifecycles it may read).
 */
export function readsOwnLedgerOnly(role: Role): boolean {
  return readerOf(role) === 'department';
}

/** A ledger task (LEDGER_TASK_TYPES, or a 加签 asked on one) as its row keeps it. */
export interface LedgerTaskRow {
  id: string;
  type: TaskType;
  /** tasks.problem_id: null for a 加签, and for a 部门报到 projected before the column. */
  problemId: string | null;
  /** A 加签's task it was asked on. */
  parentTaskId: string | null;
  candidateGroups: string[];
}

/** What of one enterprise's ledger a reader may read. */
export interface LedgerScope {
  /** The enterprise's problems the reader may read (`GET /api/problems/:id` answers them). */
  readable: ReadonlySet<string>;
  /** Each ledger task by id: the problem it is about, null when nothing names it. */
  taskProblems: ReadonlyMap<string, string | null>;
  /** Of the ledger tasks nothing names a problem for, those sent to the reader (its candidate groups). */
  addressed: ReadonlySet<string>;
  /**
   * The owner departments whose problems the reader reads (its `department:` groups): a list that
   * names a problem by its owner only (the diagnosis's, whose ids the workflow minted after) is
   * read by it. A problem's owner never changes, and a department reads its own (AccessService).
   */
  owners: ReadonlySet<string>;
}

/**
 * What a thing is about: the enterprise in general, or a ledger problem (null: one nothing names;
 * `addressed`: a task about it was sent to the reader).
 */
export type Subject =
  | 'enterprise'
  | { problem: string | null; addressed?: boolean }
  /** A problem named by its owner department only (an item of the diagnosis's problem list). */
  | { owner: string | null };

const ENTERPRISE = 'enterprise' as const;
const DEPARTMENT_GROUP = 'department:';
const isLedgerType = (type: unknown) => LEDGER_TASK_TYPES.includes(type as TaskType);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The scope from the problems the reader may read, the enterprise's ledger tasks and the reader's
 * candidate groups (`groupsOf`). A task row names its problem (tasks.problem_id). A 部门报到
 * projected before it did (its whistle superseded before migration 1766103000000 could tell) is
 * named by its whistle's own record in the history, the `whistle.blown` entry (its problem and the
 * task it opened), when `history` is given; where nothing names it (a case file reads no history),
 * it is the reader's when it was sent to them: a whistle is answered by its problem's owner
 * department. A 加签 follows the task it was asked on.
 */
export function ledgerScope(
  readable: Iterable<string>,
  tasks: readonly LedgerTaskRow[],
  readerGroups: readonly string[],
  history: readonly HistoryEntry[] = [],
): LedgerScope {
  const whistled = new Map<string, string>();
  for (const e of history) {
    const taskId = str(e.data.taskId);
    const problemId = str(e.data.problemId);
    if (e.action === 'whistle.blown' && taskId && problemId) whistled.set(taskId, problemId);
  }
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const taskProblems = new Map<string, string | null>();
  const addressed = new Set<string>();
  for (const t of tasks) {
    const about = t.type === 'COUNTERSIGN' && t.parentTaskId ? byId.get(t.parentTaskId) : t;
    if (!about) continue;
    const problem = about.problemId ?? whistled.get(about.id) ?? null;
    taskProblems.set(t.id, problem);
    if (problem === null && about.candidateGroups.some((g) => readerGroups.includes(g))) addressed.add(t.id);
  }
  const owners = readerGroups
    .filter((g) => g.startsWith(DEPARTMENT_GROUP))
    .map((g) => g.slice(DEPARTMENT_GROUP.length));
  return { readable: new Set(readable), taskProblems, addressed, owners: new Set(owners) };
}

/** What a task is about: its problem when it is a ledger task, else the enterprise. */
export function taskSubject(scope: LedgerScope, taskId: string, type?: unknown): Subject {
  if (scope.taskProblems.has(taskId)) {
    return { problem: scope.taskProblems.get(taskId) ?? null, addressed: scope.addressed.has(taskId) };
  }
  return isLedgerType(type) ? { problem: null } : ENTERPRISE;
}

/**
 * What a history entry is about: the problem it names (a whistle, ledger work, a problem's
 * reminder), else the task it is about, else the enterprise. A whistle or ledger work that names no
 * problem (a whistle on a new problem the workflow refused) is about a ledger item all the same.
 */
export function historySubject(scope: LedgerScope, entry: HistoryEntry): Subject {
  const problem = str(entry.data.problemId);
  if (problem) return { problem };
  const taskId = str(entry.data.taskId);
  if (taskId) return taskSubject(scope, taskId, entry.data.taskType);
  return /^(whistle|problem)\./.test(entry.action) ? { problem: null } : ENTERPRISE;
}

/**
 * Whether the reader may read what is about `subject`. For 中小企业处 and 产业金融处, what is about
 * another department's problem is not theirs, nor what is about a ledger item nothing names unless
 * it was sent to them (a department reads an item once it is shown to be its own); what is about
 * the enterprise in general follows the enterprise's rule. Every other reader: yes (it sees the
 * enterprise).
 */
export function subjectVisible(role: Role, scope: LedgerScope, subject: Subject): boolean {
  if (!readsOwnLedgerOnly(role) || subject === ENTERPRISE) return true;
  if ('owner' in subject) return subject.owner !== null && scope.owners.has(subject.owner);
  return subject.problem === null ? subject.addressed === true : scope.readable.has(subject.problem);
}

/** The items the reader may read, each about `subjectOf` it: the others dropped, not blanked. */
export function withinLedgerScope<T>(
  role: Role,
  scope: LedgerScope,
  items: readonly T[],
  subjectOf: (item: T) => Subject,
): T[] {
  return readsOwnLedgerOnly(role)
    ? items.filter((item) => subjectVisible(role, scope, subjectOf(item)))
    : [...items];
}

/**
 * For the readers of the whole ledger (not `readsOwnLedgerOnly`): nothing to look up. A department
 * given it reads no problem and no ledger step, so a mistake fails closed.
 */
export const WHOLE_LEDGER: LedgerScope = {
  readable: new Set(),
  taskProblems: new Map(),
  addressed: new Set(),
  owners: new Set(),
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The steps whose data lists ledger items, and what each item is about: the growth diagnosis's
 * problem list (成长诊断, by owner: its items carry no id) and a quarterly review's progress on
 * each problem (季度调度评审, by the problem's id).
 */
const LISTED_LEDGER_ITEMS: Partial<Record<TaskType, Record<string, (item: Json) => Subject>>> = {
  DIAGNOSE: { problems: (p) => ({ owner: str(p.ownerDepartment) }) },
  QUARTERLY_REVIEW: { problemUpdates: (u) => ({ problem: str(u.problemId) }) },
};

/** Whether a step of this type lists ledger items in its data (the scope is worth looking up). */
export function listsLedgerItems(type: unknown): boolean {
  return isTaskType(type) && !!LISTED_LEDGER_ITEMS[type];
}

/**
 * A step's data as the reader may read its lists of ledger items: for 中小企业处 and 产业金融处, the
 * items about another department's problem are dropped, not blanked (the diagnosis lists every
 * problem of the enterprise, a quarterly review its progress on each); the rest of the step as it is.
 */
export function stepDataWithinLedgerScope(role: Role, scope: LedgerScope, type: unknown, data: Json): Json {
  const lists = isTaskType(type) ? LISTED_LEDGER_ITEMS[type] : undefined;
  if (!lists || !readsOwnLedgerOnly(role)) return data;
  const kept = { ...data };
  for (const [field, subjectOf] of Object.entries(lists)) {
    const items = data[field];
    if (!Array.isArray(items)) continue;
    kept[field] = items.filter((item) => isObject(item) && subjectVisible(role, scope, subjectOf(item)));
  }
  return kept;
}

/**
 * The history as the reader may read it of the ledger: the entries about another department's
 * problem dropped (`historySubject`), and of the rest, what lists the ledger trimmed to the
 * reader's — a completed step's lists (`stepDataWithinLedgerScope`), and the open tasks a run
 * carried over at continue-as-new (`lifecycle.continued`), each by the task it is (`taskSubject`).
 */
export function historyWithinLedgerScope(
  role: Role,
  scope: LedgerScope,
  entries: readonly HistoryEntry[],
): HistoryEntry[] {
  if (!readsOwnLedgerOnly(role)) return [...entries];
  return withinLedgerScope(role, scope, entries, (e) => historySubject(scope, e)).map((e) => {
    const { data } = e;
    if (e.action === 'lifecycle.continued' && Array.isArray(data.openTasks)) {
      const openTasks = data.openTasks.filter(
        (o) =>
          isObject(o) && subjectVisible(role, scope, taskSubject(scope, str(o.taskId) ?? '', o.taskType)),
      );
      return { ...e, data: { ...data, openTasks } };
    }
    if (isObject(data.data) && listsLedgerItems(data.taskType)) {
      return {
        ...e,
        data: { ...data, data: stepDataWithinLedgerScope(role, scope, data.taskType, data.data) },
      };
    }
    return e;
  });
}
