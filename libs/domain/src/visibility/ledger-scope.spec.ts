import { ROLES } from '../roles';
import { sampleHistoryEntry } from '../samples';
import { HistoryEntry } from '../views';
import {
  historySubject,
  LedgerTaskRow,
  ledgerScope,
  readsOwnLedgerOnly,
  taskSubject,
  WHOLE_LEDGER,
  withinLedgerScope,
} from './ledger-scope';

// One enterprise, a problem of each department: p-sme (中小企业处) and p-fin (产业金融处).
const SME_GROUPS = ['sme_officer', 'user:sme-a', 'department:sme'];

const entry = (action: string, data: Record<string, unknown>) => sampleHistoryEntry(action, 'x', data);

const task = (
  id: string,
  type: LedgerTaskRow['type'],
  problemId: string | null,
  over: Partial<LedgerTaskRow> = {},
) => ({
  id,
  type,
  problemId,
  parentTaskId: null,
  candidateGroups: [`department:${problemId === 'p-sme' ? 'sme' : 'finance'}`],
  ...over,
});

const TASKS: LedgerTaskRow[] = [
  task('w-sme', 'WHISTLE_RESPONSE', 'p-sme'),
  task('w-fin', 'WHISTLE_RESPONSE', 'p-fin'),
  task('close-fin', 'PROBLEM_CLOSE', 'p-fin', { candidateGroups: ['city_coordinator'] }),
  task('cs-fin', 'COUNTERSIGN', null, { parentTaskId: 'w-fin', candidateGroups: ['user:sme-a'] }),
];

const HISTORY = [
  entry('nominated', { lifecycleNo: 1 }),
  entry('task.completed', { taskId: 'diag', taskType: 'DIAGNOSE', outcome: 'submit', data: {} }),
  entry('whistle.blown', { problemId: 'p-sme', taskId: 'w-sme', title: 'sme whistle' }),
  entry('task.created', { taskId: 'w-sme', taskType: 'WHISTLE_RESPONSE' }),
  entry('whistle.blown', { problemId: 'p-fin', taskId: 'w-fin', title: 'finance whistle' }),
  entry('task.created', { taskId: 'w-fin', taskType: 'WHISTLE_RESPONSE' }),
  entry('task.countersign_requested', { taskId: 'w-fin', taskType: 'WHISTLE_RESPONSE', users: ['sme-a'] }),
  entry('task.created', { taskId: 'cs-fin', taskType: 'COUNTERSIGN' }),
  entry('problem.progress', { problemId: 'p-fin', fields: { note: 'n' } }),
  entry('task.created', { taskId: 'close-fin', taskType: 'PROBLEM_CLOSE' }),
  entry('task.reminded', { kind: 'notification', taskId: 'close-fin', taskType: 'PROBLEM_CLOSE' }),
  entry('problem.reminded', { kind: 'notification', taskId: null, problemId: 'p-fin' }),
  entry('quarter.ticked', { quarter: '2026Q3' }),
];

const smeReads = (tasks = TASKS, history = HISTORY) => {
  const scope = ledgerScope(['p-sme'], tasks, SME_GROUPS, history);
  return withinLedgerScope('sme_officer', scope, history, (e) => historySubject(scope, e));
};
const tasksOf = (entries: HistoryEntry[]) =>
  entries.map((e) => e.data.taskId ?? e.data.problemId ?? e.action);

describe('the ledger scope of 中小企业处 and 产业金融处', () => {
  it('is theirs alone', () => {
    expect(ROLES.filter(readsOwnLedgerOnly)).toEqual(['sme_officer', 'finance_officer']);
  });

  it("drops every entry about another department's problem, keeps its own and the enterprise's", () => {
    expect(tasksOf(smeReads())).toEqual(['nominated', 'diag', 'w-sme', 'w-sme', 'quarter.ticked']);
  });

  it('gives every other reader the history whole, with nothing looked up', () => {
    for (const role of ROLES.filter((r) => !readsOwnLedgerOnly(r))) {
      expect(withinLedgerScope(role, WHOLE_LEDGER, HISTORY, (e) => historySubject(WHOLE_LEDGER, e))).toEqual(
        HISTORY,
      );
    }
  });

  it('fails closed for a department given no scope: no problem nor ledger step', () => {
    const seen = withinLedgerScope('finance_officer', WHOLE_LEDGER, HISTORY, (e) =>
      historySubject(WHOLE_LEDGER, e),
    );
    // (A 加签 is a ledger task by its row only, which this scope has not.)
    expect(tasksOf(seen)).toEqual(['nominated', 'diag', 'cs-fin', 'quarter.ticked']);
  });

  it('reads a 部门报到 whose row names no problem by its whistle in the history', () => {
    const legacy = TASKS.map((t) => (t.id === 'w-fin' || t.id === 'w-sme' ? { ...t, problemId: null } : t));
    expect(tasksOf(smeReads(legacy))).toEqual(['nominated', 'diag', 'w-sme', 'w-sme', 'quarter.ticked']);
    // Without the history (a case file), such a task is the department's it was sent to.
    const scope = ledgerScope(['p-sme'], legacy, SME_GROUPS);
    expect(taskSubject(scope, 'w-sme')).toEqual({ problem: null, addressed: true });
    expect(taskSubject(scope, 'w-fin')).toEqual({ problem: null, addressed: false });
    const steps = withinLedgerScope('sme_officer', scope, ['w-sme', 'w-fin', 'diag'], (id) =>
      taskSubject(scope, id),
    );
    expect(steps).toEqual(['w-sme', 'diag']);
  });

  it("takes a 加签's problem from the task it was asked on, also when the department was asked", () => {
    const scope = ledgerScope(['p-sme'], TASKS, SME_GROUPS, HISTORY);
    expect(taskSubject(scope, 'cs-fin')).toEqual({ problem: 'p-fin', addressed: false });
  });

  it('counts a whistle or ledger work naming no problem, and a ledger task unknown to the rows, as a ledger item', () => {
    const odd = [
      entry('whistle.failed', { problemId: null, title: 'refused new problem' }),
      entry('problem.close_requested', {}),
      entry('task.created', { taskId: 'gone', taskType: 'PROBLEM_EXTENSION' }),
      entry('task.created', { taskId: 'qr', taskType: 'QUARTERLY_REPORT' }),
    ];
    expect(smeReads(TASKS, odd).map((e) => e.data.taskId)).toEqual(['qr']);
  });
});
