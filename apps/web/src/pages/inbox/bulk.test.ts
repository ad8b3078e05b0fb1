import { describe, expect, it } from 'vitest';
import type { Actor } from '../../api/types';
import { sampleTask } from '../tasks/taskFixture';
import type { TaskItem } from '../tasks/taskTypes';
import {
  bulkActingFor,
  bulkCompletable,
  bulkRowsFor,
  bulkOffers,
  bulkPossible,
  bulkUrgeable,
  deskActions,
  inboxUrge,
} from './bulk';

const enterprise: Actor = {
  username: 'ent-yuntu',
  role: 'enterprise_user',
  scope: { creditCodes: ['915001120000000043'] },
  displayName: '云图联系人',
};
const officer: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  displayName: '渝北区经信委',
};
const confirm = sampleTask({
  id: 'ec',
  type: 'ENTERPRISE_CONFIRM',
  candidateGroups: ['enterprise_user:enterprise:915001120000000043'],
});
/** Overdue: 催办 in the inbox is for late work (inboxUrge). */
const feedback = sampleTask({
  id: 'df',
  type: 'DISTRICT_FEEDBACK',
  candidateGroups: ['district_officer:district:500112'],
  dueAt: '2026-12-01T18:00:00+08:00',
  overdue: true,
});

describe('the bulk bar offers what the caller may do to some selected task', () => {
  it('offers an enterprise user no claim, unclaim, reassign or urge, and nothing in bulk at all', () => {
    expect(bulkOffers(enterprise, [confirm])).toEqual({
      claim: false,
      unclaim: false,
      reassign: false,
      urge: false,
      urgeableAt: null,
    });
    expect(bulkPossible(enterprise, [confirm])).toBe(false);
  });

  it('offers an officer claim and reassign of an unclaimed task of theirs, unclaim of one they hold', () => {
    expect(bulkOffers(officer, [feedback])).toEqual({
      claim: true,
      unclaim: false,
      reassign: true,
      urge: false,
      urgeableAt: null,
    });
    const held = { ...feedback, assignee: officer.username };
    expect(bulkOffers(officer, [held])).toMatchObject({ claim: false, unclaim: true, reassign: true });
    expect(bulkPossible(officer, [feedback])).toBe(true);
  });

  // 委托代理: district-500112-b stands in for district-500112, who holds the feedback.
  it('offers a proxy 转办 of the principal’s held task for them (代 X), and no 催办 that would reach only them', () => {
    const proxy: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
    const held = { ...feedback, assignee: officer.username, assigneeName: '渝北区 赵强' };
    // Without the proxy the task is someone else's: only an urge.
    expect(bulkOffers(proxy, [held])).toEqual({
      claim: false,
      unclaim: false,
      reassign: false,
      urge: true,
      urgeableAt: null,
    });
    expect(bulkOffers(proxy, [held], [officer.username])).toEqual({
      claim: false,
      unclaim: false,
      reassign: true,
      urge: false,
      urgeableAt: null,
    });
    expect(bulkActingFor(proxy, [held], [officer.username])).toEqual(['渝北区 赵强']);
    // A colleague's held task is not the principal's: nothing for them, and the proxy's own tasks are its own.
    const colleagues = { ...feedback, assignee: 'district-500112-c' };
    expect(bulkOffers(proxy, [colleagues], [officer.username])).toMatchObject({
      reassign: false,
      urge: true,
    });
    expect(bulkActingFor(proxy, [colleagues, feedback], [officer.username])).toEqual([]);
    expect(bulkPossible(proxy, [held], [officer.username])).toBe(true);
  });

  // 催办 at most once per person per 4 working hours: the server's urgeableAt says until when. The
  // row shows its 催办 greyed until then; the bar did not offer 批量催办 at all.
  it('offers 批量催办 greyed, as the row’s own, until some selected task may be urged again', () => {
    const other: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
    const held = { ...feedback, assignee: officer.username, assigneeName: '渝北区 赵强' };
    const now = new Date('2026-12-07T10:00:00+08:00');
    const urged = { ...held, urgeableAt: '2026-12-07T14:00:00+08:00' };
    const sooner = { ...held, id: 'df3', urgeableAt: '2026-12-07T12:00:00+08:00' };
    expect(bulkOffers(other, [urged, sooner], [], now)).toMatchObject({
      urge: true,
      urgeableAt: '2026-12-07T12:00:00+08:00',
    });
    expect(bulkOffers(other, [urged, { ...held, id: 'df2' }], [], now)).toMatchObject({
      urge: true,
      urgeableAt: null,
    });
    // Once the hours have passed, again.
    expect(bulkOffers(other, [urged], [], new Date('2026-12-07T14:00:01+08:00'))).toMatchObject({
      urge: true,
      urgeableAt: null,
    });
  });

  // 批量催办 sent every selected row: each one urged within the hours came back 429.
  it('sends 批量催办 only for rows that may be urged now; the others wait, the last until its urgeableAt', () => {
    const other: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
    const held = { ...feedback, assignee: officer.username, assigneeName: '渝北区 赵强' };
    const now = new Date('2026-12-07T10:00:00+08:00');
    const fresh = { ...held, id: 'a' };
    const passed = { ...held, id: 'b', urgeableAt: '2026-12-07T09:00:00+08:00' };
    const soon = { ...held, id: 'c', urgeableAt: '2026-12-07T12:00:00+08:00' };
    const later = { ...held, id: 'd', urgeableAt: '2026-12-07T14:00:00+08:00' };
    // Not urgeable at all: the caller's own (URGE_OWN_TASK), and a closed one.
    const own = { ...held, id: 'e', assignee: other.username };
    const done = { ...held, id: 'f', status: 'done' as const };
    const split = bulkUrgeable(other, [fresh, soon, passed, later, own, done], [], now);
    expect(split.now.map((task) => task.id)).toEqual(['a', 'b']);
    expect(split.waiting.map((task) => task.id)).toEqual(['c', 'd']);
    expect(split.until).toBe('2026-12-07T14:00:00+08:00');
    expect(bulkUrgeable(other, [fresh], [], now)).toEqual({ now: [fresh], waiting: [], until: null });
  });
});

// The row's 催办 showed only on overdue rows while 批量催办 sent any selected row one may urge: one
// rule now (inboxUrge), so neither surface offers an urge the other hides for the same row.
describe('催办 in the inbox: one rule for the row and the bulk bar', () => {
  const leader: Actor = { username: 'leader', role: 'leader', scope: {}, displayName: '张领导' };
  const now = new Date('2026-12-07T10:00:00+08:00');
  const late = { ...feedback, assignee: officer.username, assigneeName: '渝北区 赵强' };
  const notDue = { ...late, id: 'nd', dueAt: '2026-12-09T18:00:00+08:00', overdue: false };
  const row = (task: TaskItem, who: Actor = leader) => inboxUrge(task, deskActions(who, task, []), now);

  it('offers 催办 of an open overdue task one may urge, greyed while one’s own last urge is within the hours', () => {
    expect(row(late)).toBe('now');
    // Past its due time before the server's next tick marks it overdue.
    expect(row({ ...notDue, dueAt: '2026-12-07T09:59:00+08:00' })).toBe('now');
    expect(row({ ...late, urgeableAt: '2026-12-07T14:00:00+08:00' })).toBe('waiting');
    expect(row({ ...late, urgeableAt: '2026-12-07T09:00:00+08:00' })).toBe('now');
  });

  it('offers no 催办 of a task not yet due, closed, or one’s own to do: on the row and in the bar alike', () => {
    const own = { ...late, assignee: leader.username };
    const closed = { ...late, status: 'done' as const };
    for (const task of [notDue, own, closed]) {
      expect(row(task)).toBeNull();
      expect(bulkOffers(leader, [task], [], now)).toMatchObject({ urge: false, urgeableAt: null });
      expect(bulkUrgeable(leader, [task], [], now)).toEqual({ now: [], waiting: [], until: null });
    }
    // The officer who may do it claims it instead (URGE_OWN_TASK).
    expect(row(feedback, officer)).toBeNull();
    // A selection of both: the bar sends only the overdue one, as only its row offers 催办.
    expect(bulkUrgeable(leader, [late, notDue], [], now).now).toEqual([late]);
  });
});

describe('批量同意 is sent for the selected rows the caller may do', () => {
  const proxy: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
  const colleagues = { ...feedback, id: 'held', assignee: officer.username, assigneeName: '渝北区经信委' };

  it('leaves out a row a colleague has claimed (the server would answer 409 TASK_CLAIMED) and closed rows', () => {
    const unclaimed = { ...feedback, id: 'free' };
    const done = { ...feedback, id: 'done', status: 'done' as const };
    expect(bulkCompletable(proxy, [unclaimed, colleagues, done]).map((t) => t.id)).toEqual(['free']);
  });

  it('keeps the held row of the principal a proxy stands in for: the proxy does it for them', () => {
    expect(bulkCompletable(proxy, [colleagues], [officer.username]).map((t) => t.id)).toEqual(['held']);
  });
});

describe('认领, 取消认领 and 转办 in bulk are sent for the rows the caller may', () => {
  it('claims the unclaimed row, not a colleague’s; releases and hands on only its own', () => {
    const free = { ...feedback, id: 'free' };
    const mine = { ...feedback, id: 'mine', assignee: officer.username };
    const colleagues = { ...feedback, id: 'theirs', assignee: 'district-500112-b' };
    const ids = (rows: TaskItem[]) => rows.map((t) => t.id);
    expect(ids(bulkRowsFor('claim', officer, [free, mine, colleagues]))).toEqual(['free']);
    expect(ids(bulkRowsFor('unclaim', officer, [free, mine, colleagues]))).toEqual(['mine']);
    expect(ids(bulkRowsFor('delegate', officer, [free, mine, colleagues]))).toEqual(['free', 'mine']);
  });
});
