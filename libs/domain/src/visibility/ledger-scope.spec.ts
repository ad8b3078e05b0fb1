import { ROLES } from '../roles';
import { sampleHistoryEntry } from '../samples';
import { HistoryEntry } from '../views';
import {
  historySubject,
  historyWithinLedgerScope,
  LedgerTaskRow,
  ledgerScope,
  readsOwnLedgerOnly,
  stepDataWithinLedgerScope,
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

// The diagnosis lists every problem of the enterprise (its ids minted after, so by owner), a
// quarterly review its progress on each (by id), a run continued as new its open tasks.
describe("the ledger lists of a department's reading", () => {
  const DIAGNOSIS = {
    portrait: { management: { score: 3 } },
    problems: [
      { title: 'sme problem', ownerDepartment: 'sme' },
      { title: 'finance problem', ownerDepartment: 'finance' },
      { title: 'industry problem', ownerDepartment: 'industry' },
    ],
  };
  const REVIEW = {
    comment: 'c',
    problemUpdates: [
      { problemId: 'p-sme', status: 'in_progress', note: 'sme note' },
      { problemId: 'p-fin', status: 'in_progress', note: 'finance note' },
    ],
  };
  const STEPS = [
    entry('task.completed', { taskId: 'diag', taskType: 'DIAGNOSE', outcome: 'submit', data: DIAGNOSIS }),
    entry('task.completed', {
      taskId: 'rev',
      taskType: 'QUARTERLY_REVIEW',
      outcome: 'continue',
      data: REVIEW,
    }),
    entry('lifecycle.continued', {
      runsBefore: 1,
      openTasks: [
        { taskId: 'qr', taskType: 'QUARTERLY_REPORT' },
        { taskId: 'w-sme', taskType: 'WHISTLE_RESPONSE' },
        { taskId: 'w-fin', taskType: 'WHISTLE_RESPONSE' },
        { taskId: 'cs-fin', taskType: 'COUNTERSIGN' },
      ],
    }),
  ];
  const smeScope = ledgerScope(['p-sme'], TASKS, SME_GROUPS, HISTORY);

  it("drops another department's items from the diagnosis and a review, keeps the rest of the step", () => {
    expect(stepDataWithinLedgerScope('sme_officer', smeScope, 'DIAGNOSE', DIAGNOSIS)).toEqual({
      ...DIAGNOSIS,
      problems: [DIAGNOSIS.problems[0]],
    });
    expect(stepDataWithinLedgerScope('sme_officer', smeScope, 'QUARTERLY_REVIEW', REVIEW)).toEqual({
      ...REVIEW,
      problemUpdates: [REVIEW.problemUpdates[0]],
    });
    // A step that lists no ledger item is as it was.
    const report = { quarter: '2026Q3', revenue: 1 };
    expect(stepDataWithinLedgerScope('sme_officer', smeScope, 'QUARTERLY_REPORT', report)).toBe(report);
  });

  it('trims the history entries that list the ledger, and a run continued as new, to their own', () => {
    const [diag, rev, continued] = historyWithinLedgerScope('sme_officer', smeScope, STEPS);
    expect((diag.data.data as typeof DIAGNOSIS).problems.map((p) => p.title)).toEqual(['sme problem']);
    expect((rev.data.data as typeof REVIEW).problemUpdates.map((u) => u.problemId)).toEqual(['p-sme']);
    expect((continued.data.openTasks as { taskId: string }[]).map((o) => o.taskId)).toEqual(['qr', 'w-sme']);
  });

  it('fails closed for a department given no scope, and leaves every other reader the lists whole', () => {
    const [diag, rev, continued] = historyWithinLedgerScope('finance_officer', WHOLE_LEDGER, STEPS);
    expect(diag.data.data).toEqual({ ...DIAGNOSIS, problems: [] });
    expect(rev.data.data).toEqual({ ...REVIEW, problemUpdates: [] });
    expect((continued.data.openTasks as { taskId: string }[]).map((o) => o.taskId)).toEqual(['qr', 'cs-fin']);
    for (const role of ROLES.filter((r) => !readsOwnLedgerOnly(r))) {
      expect(historyWithinLedgerScope(role, WHOLE_LEDGER, STEPS)).toEqual(STEPS);
      expect(stepDataWithinLedgerScope(role, WHOLE_LEDGER, 'DIAGNOSE', DIAGNOSIS)).toBe(DIAGNOSIS);
    }
  });
});
