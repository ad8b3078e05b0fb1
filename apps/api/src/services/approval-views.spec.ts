import type { Actor, WorkCalendar } from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';
import { approvalActions } from './approval-views';

const district: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
};
const principal: Actor = { username: 'coordinator-li', role: 'city_coordinator', scope: {} };
const standIn: Actor = { username: 'coordinator-wang', role: 'city_coordinator', scope: {} };

/** A SCREEN held by 李 (claimed), urged by the district at 09:00 on 1 October (国庆). */
const held = (urges: { by: string; at: string }[] = []) =>
  ({
    status: 'open',
    type: 'SCREEN',
    assignee: principal.username,
    candidateGroups: ['city_coordinator'],
    urges,
  }) as unknown as TaskEntity;

const NATIONAL_DAY: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: [],
};

describe('approvalActions', () => {
  // The workflow counts 催办's four working hours on the policy's calendar: the page must not offer
  // an urge the Update would refuse (429) because a holiday counted as a working day here.
  it('offers 催办 again only after four working hours of the calendar the workflow reads', () => {
    const task = held([{ by: district.username, at: '2026-10-01T01:00:00Z' }]);
    const afternoon = new Date('2026-10-01T07:00:00Z'); // 15:00 in Shanghai, a holiday
    expect(approvalActions(district, task, undefined, NATIONAL_DAY, afternoon).urge).toBe(false);
    const eighth = new Date('2026-10-08T05:00:00Z'); // 13:00 on the first working day after
    expect(approvalActions(district, task, undefined, NATIONAL_DAY, eighth).urge).toBe(true);
  });

  it('offers a proxy no 催办 of the task it holds for its principal', () => {
    expect(approvalActions(standIn, held(), principal, null).urge).toBe(false);
    expect(approvalActions(standIn, held(), undefined, null).urge).toBe(true);
  });
});
