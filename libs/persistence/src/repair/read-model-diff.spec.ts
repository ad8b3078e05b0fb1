import type { LifecycleView, TaskView } from '@hardtech/temporal';
import { InboxSnapshot, InboxTask, readModelDiff } from './read-model-diff';

const task = (id: string): TaskView =>
  ({ id, type: 'SCREEN', stage: 'screening', candidateGroups: [], assignee: null }) as unknown as TaskView;
const view = (open: string[], transitions: number, stage = 'screening'): LifecycleView => ({
  creditCode: '91500000000000000X',
  lifecycleNo: 1,
  stage: stage as LifecycleView['stage'],
  stateValue: null,
  openTasks: open.map(task),
  transitions,
  context: null,
});
const row = (id: string, status: InboxTask['status'], by: string | null = null): InboxTask => ({
  id,
  status,
  outcome: by ? 'pass' : null,
  data: by ? {} : null,
  completedBy: by,
  completedAt: by ? '2026-12-05T00:00:00Z' : null,
  idempotencyKey: null,
  assignee: null,
});
const inbox = (tasks: InboxTask[], seq: number, stage = 'screening'): InboxSnapshot => ({
  lifecycleNo: 1,
  projectionSeq: seq,
  stage,
  tasks,
  problems: [],
});

describe('readModelDiff', () => {
  it('finds nothing when the inbox has exactly the workflow’s open tasks, stage and transition', () => {
    const d = readModelDiff(view(['b'], 2), inbox([row('a', 'done', 'x'), row('b', 'open')], 2));
    expect(d.consistent).toBe(true);
  });

  it('names a completion the workflow never received, and the tasks it opened only in the inbox', () => {
    // The lost workflow task closed a and opened b in the inbox; the workflow still has a open.
    const d = readModelDiff(
      view(['a'], 1),
      inbox([row('a', 'done', 'alice'), row('b', 'open')], 2, 'feedback'),
    );
    expect(d.lostCompletions.map((t) => t.id)).toEqual(['a']);
    expect(d.reopen.map((t) => t.id)).toEqual(['a']);
    expect(d.orphans).toEqual(['b']);
    expect(d.enterpriseDiffers).toBe(true);
    expect(d.consistent).toBe(false);
  });

  it('does not re-send a cancellation, but reopens it', () => {
    const d = readModelDiff(view(['a'], 1), inbox([row('a', 'cancelled')], 1));
    expect(d.lostCompletions).toEqual([]);
    expect(d.reopen.map((t) => t.id)).toEqual(['a']);
  });

  it('inserts an open task the inbox never got', () => {
    const d = readModelDiff(view(['a', 'c'], 3), inbox([row('a', 'open')], 3));
    expect(d.missing.map((t) => t.id)).toEqual(['c']);
    expect(d.consistent).toBe(false);
  });

  it('names a claim the workflow never received', () => {
    const d = readModelDiff(view(['a'], 1), inbox([{ ...row('a', 'open'), assignee: 'bob' }], 1));
    expect(d.reassign).toEqual([{ id: 'a', assignee: null }]);
    expect(d.consistent).toBe(false);
  });

  it('names a ledger the workflow does not have', () => {
    const d = readModelDiff(view([], 1), { ...inbox([], 1), problems: ['p1:open'] });
    expect(d.problemsDiffer).toBe(true);
    expect(d.consistent).toBe(false);
  });

  it('leaves another lifecycle of the enterprise alone', () => {
    const d = readModelDiff({ ...view([], 1), lifecycleNo: 2 }, inbox([row('a', 'open')], 5));
    expect(d.otherLifecycle).toBe(true);
    expect(d.consistent).toBe(true);
  });
});
