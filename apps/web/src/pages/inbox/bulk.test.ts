import { describe, expect, it } from 'vitest';
import type { Actor } from '../../api/types';
import { sampleTask } from '../tasks/taskFixture';
import { bulkActingFor, bulkOffers, bulkPossible, bulkUrgeable } from './bulk';

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
const feedback = sampleTask({
  id: 'df',
  type: 'DISTRICT_FEEDBACK',
  candidateGroups: ['district_officer:district:500112'],
});

describe('the bulk bar offers what the caller may do to some selected task', () => {
  it('offers an enterprise user no claim, unclaim, reassign or urge, and nothing in bulk at all', () => {
    expect(bulkOffers(enterprise, [confirm])).toEqual({
      claim: false,
      unclaim: false,
      reassign: false,
      urge: false,
    });
    expect(bulkPossible(enterprise, [confirm])).toBe(false);
  });

  it('offers an officer claim and reassign of an unclaimed task of theirs, unclaim of one they hold', () => {
    expect(bulkOffers(officer, [feedback])).toEqual({
      claim: true,
      unclaim: false,
      reassign: true,
      urge: false,
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
    expect(bulkOffers(proxy, [held])).toEqual({ claim: false, unclaim: false, reassign: false, urge: true });
    expect(bulkOffers(proxy, [held], [officer.username])).toEqual({
      claim: false,
      unclaim: false,
      reassign: true,
      urge: false,
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

  // 催办 at most once per person per 4 working hours: the server's urgeableAt says until when.
  it('offers 批量催办 only while some selected task may be urged now, not one the caller just urged', () => {
    const other: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
    const held = { ...feedback, assignee: officer.username, assigneeName: '渝北区 赵强' };
    const now = new Date('2026-12-07T10:00:00+08:00');
    const urged = { ...held, urgeableAt: '2026-12-07T14:00:00+08:00' };
    expect(bulkOffers(other, [urged], [], now).urge).toBe(false);
    expect(bulkOffers(other, [urged, { ...held, id: 'df2' }], [], now).urge).toBe(true);
    // Once the hours have passed, again.
    expect(bulkOffers(other, [urged], [], new Date('2026-12-07T14:00:01+08:00')).urge).toBe(true);
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
