import { overdueText, shanghaiTime, TASK_TYPES } from '@hardtech/domain';
import { DemoSeed } from './demo-seed';
import { DEMO_ENTERPRISES } from './demo-data';

// The seed against fakes of its services: every step finds its task, and what the seed does to the
// inbox's rows is recorded.
describe('demo seed', () => {
  const DAY_MS = 86_400_000;
  const TEN_DAYS = 10 * DAY_MS;

  async function seed() {
    const backdated: { taskId: string; ms: number; dueAt: Date; creditCode: string }[] = [];
    const dueAt = new Date(Date.now() + TEN_DAYS);
    const taskOf = (creditCode: string, type: string) => ({ id: `${creditCode}:${type}`, type, dueAt });
    const taskRows = {
      openOf: async (creditCode: string) => TASK_TYPES.map((type) => taskOf(creditCode, type)),
      backdate: async (taskId: string, ms: number) =>
        backdated.push({ taskId, ms, dueAt, creditCode: taskId.split(':')[0] }),
    };
    const fake = { ensureBootstrapAdmin: async () => {}, ensure: async () => {} };
    const none = async () => undefined;
    const seedWith = new DemoSeed(
      fake as never,
      { nominate: none } as never,
      { complete: none } as never,
      taskRows as never,
      { findRow: async () => null } as never,
      {
        tickQuarter: none,
        state: async () => ({ context: { problems: [{ id: 'p', ownerDepartment: 'sme' }] } }),
      } as never,
      { upload: none } as never,
      { blow: none } as never,
    );
    jest.spyOn(console, 'log').mockImplementation(() => {});
    await seedWith.run();
    return backdated;
  }

  it('leaves one district feedback overdue by days, for the leader to 催办', async () => {
    const before = Date.now();
    const backdated = await seed();
    const overdue = DEMO_ENTERPRISES.filter((e) => e.overdue);
    expect(overdue.map((e) => [e.stage, e.overdue])).toEqual([
      ['feedback', { type: 'DISTRICT_FEEDBACK', days: 3 }],
    ]);
    const cc = overdue[0].nomination.creditCode;
    expect(backdated.map((b) => b.taskId)).toEqual([`${cc}:DISTRICT_FEEDBACK`]);
    // Due at the end of a Shanghai day, as a calendar-day SLA makes it, 3 whole days before today.
    const newDue = new Date(backdated[0].dueAt.getTime() - backdated[0].ms);
    expect(shanghaiTime(newDue, 'second').slice(11)).toBe('23:59:59');
    expect(before - newDue.getTime()).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(Date.now() - newDue.getTime()).toBeLessThan(4 * DAY_MS);
    expect(overdueText(newDue)).toBe('已超期 3 天');
  });
});
