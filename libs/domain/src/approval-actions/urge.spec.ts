import { Actor } from '../roles';
import { WorkCalendar } from '../working-days';
import { addWorkingHours, urgeableAt, urgeRefusal } from './urge';

// 2026 National Day: 1–7 October off; Saturday 10 October is worked (调休).
const cal: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const officer: Actor = { username: 'zhang', role: 'city_coordinator', scope: {} };

describe('working hours (09:00–18:00 of working days, Asia/Shanghai)', () => {
  it('adds within one office day', () => {
    expect(addWorkingHours(at('2026-10-09T10:00:00'), 4, cal)).toEqual(at('2026-10-09T14:00:00'));
  });

  it('carries past closing time into the next working day, a 调休 Saturday included', () => {
    expect(addWorkingHours(at('2026-10-09T17:00:00'), 4, cal)).toEqual(at('2026-10-10T12:00:00'));
  });

  it('skips a holiday week and starts counting at opening time', () => {
    expect(addWorkingHours(at('2026-09-30T20:00:00'), 4, cal)).toEqual(at('2026-10-08T13:00:00'));
  });

  it('skips weekends without a calendar', () => {
    expect(addWorkingHours(at('2026-12-04T16:00:00'), 4, null)).toEqual(at('2026-12-07T11:00:00'));
  });
});

describe('who may urge a task (催办)', () => {
  it('refuses the assignee', () => {
    expect(
      urgeRefusal(officer, { assignee: 'zhang', candidateGroups: ['city_coordinator'] }, new Date(), cal)
        ?.code,
    ).toBe('URGE_OWN_TASK');
  });

  it('refuses the candidates of an unclaimed task, who would urge themselves, and no one else', () => {
    const ent: Actor = { username: 'ent-a', role: 'enterprise_user', scope: { creditCodes: ['91500000X'] } };
    const report = { assignee: null, candidateGroups: ['enterprise_user:enterprise:91500000X'] };
    expect(urgeRefusal(ent, report, new Date(), cal)).toMatchObject({ status: 403, code: 'URGE_OWN_TASK' });
    // The enterprise's officer may urge it; once a colleague of the enterprise claims it, so may the enterprise.
    const district: Actor = { username: 'd', role: 'district_officer', scope: { districts: ['500112'] } };
    expect(urgeRefusal(district, report, new Date(), cal)).toBeNull();
    expect(urgeRefusal(ent, { ...report, assignee: 'ent-b' }, new Date(), cal)).toBeNull();
  });

  it('refuses read-only roles', () => {
    const auditor: Actor = { username: 'a', role: 'auditor', scope: {} };
    expect(
      urgeRefusal(auditor, { assignee: null, candidateGroups: ['city_coordinator'] }, new Date(), cal)
        ?.status,
    ).toBe(403);
    expect(
      urgeRefusal(
        { ...auditor, role: 'audit_admin' },
        { assignee: null, candidateGroups: ['city_coordinator'] },
        new Date(),
        cal,
      )?.status,
    ).toBe(403);
    // 领导催办: a leader, read-only otherwise, may urge.
    expect(
      urgeRefusal(
        { ...auditor, role: 'leader' },
        { assignee: null, candidateGroups: ['city_coordinator'] },
        new Date(),
        cal,
      ),
    ).toBeNull();
  });

  // 三员 work no cases (docs/api.md): the system administrator's 任务督办 offered 催办 and the API took it.
  it.each(['system_admin', 'security_admin', 'audit_admin'] as const)(
    'refuses the administrator %s: 403 READ_ONLY_ROLE, and no time to urge again',
    (role) => {
      const admin: Actor = { username: 'root', role, scope: {} };
      const task = { assignee: 'zhang', candidateGroups: ['city_coordinator'] };
      expect(urgeRefusal(admin, task, new Date(), cal)).toMatchObject({
        status: 403,
        code: 'READ_ONLY_ROLE',
      });
      const urges = [{ by: 'root', at: new Date().toISOString() }];
      expect(urgeableAt(admin, { ...task, urges }, new Date(), cal)).toBeNull();
    },
  );

  it('allows once per 4 working hours per person, with the seconds to wait', () => {
    const task = {
      assignee: 'li',
      candidateGroups: ['city_coordinator'],
      urges: [{ by: 'zhang', at: at('2026-10-09T17:00:00').toISOString() }],
    };
    const soon = urgeRefusal(officer, task, at('2026-10-10T11:00:00'), cal);
    expect(soon).toMatchObject({ status: 429, code: 'URGE_TOO_SOON', retryAfterSeconds: 3600 });
    expect(urgeRefusal(officer, task, at('2026-10-10T12:00:00'), cal)).toBeNull();
    // Someone else's urge does not count against me.
    const other: Actor = { ...officer, username: 'wang' };
    expect(urgeRefusal(other, task, at('2026-10-09T17:30:00'), cal)).toBeNull();
  });

  it('says when one may urge again: the time the 429 waits for, null once it has come', () => {
    const task = {
      assignee: 'li',
      candidateGroups: ['city_coordinator'],
      urges: [{ by: 'zhang', at: at('2026-10-09T17:00:00').toISOString() }],
    };
    const now = at('2026-10-10T11:00:00');
    const next = urgeableAt(officer, task, now, cal);
    expect(next).toEqual(at('2026-10-10T12:00:00'));
    const refusal = urgeRefusal(officer, task, now, cal) as { retryAfterSeconds: number };
    expect(now.getTime() + refusal.retryAfterSeconds * 1000).toBe(next!.getTime());
    expect(urgeableAt(officer, task, at('2026-10-10T12:00:00'), cal)).toBeNull();
    // Another's urge holds nobody else back; the assignee may not urge at all: no time either.
    expect(urgeableAt({ ...officer, username: 'wang' }, task, now, cal)).toBeNull();
    expect(
      urgeableAt(
        { ...officer, username: 'li' },
        { ...task, urges: [{ ...task.urges[0], by: 'li' }] },
        now,
        cal,
      ),
    ).toBeNull();
  });
});
