import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '@hardtech/domain';
import { ActivePolicyRepository, POLICY_TRUST_MS } from './active-policy.repository';
import type { CalendarRepository } from './calendar.repository';
import type { PolicyChanges } from './policy-changes';
import type { PolicyRepository } from './policy.repository';

/** The repository over fakes: how many version checks and policy reads each call costs. */
function setup(listening: boolean) {
  let version = 1;
  const counts = { checks: 0, reads: 0 };
  const ds = {
    query: async () => {
      counts.checks += 1;
      return [{ version, calendar: '0//0' }];
    },
  } as unknown as DataSource;
  const policies = {
    active: async () => {
      counts.reads += 1;
      return { ...DEFAULT_POLICY, version };
    },
  } as unknown as PolicyRepository;
  const changes = { generation: 0, listening } as PolicyChanges;
  const calendar = {
    calendar: async () => ({ holidays: [], workdays: [], coveredThrough: 2026 }),
  } as unknown as CalendarRepository;
  const repo = new ActivePolicyRepository(ds, policies, calendar, changes);
  const publish = () => {
    version += 1;
    changes.generation += 1;
  };
  return { repo, counts, changes, publish, setVersion: (v: number) => (version = v) };
}

describe('ActivePolicyRepository.current', () => {
  afterEach(() => jest.useRealTimers());

  it('while notices arrive, reads once per version and asks nothing in between', async () => {
    const { repo, counts, publish } = setup(true);
    expect((await repo.current()).version).toBe(1);
    await repo.current();
    await repo.current();
    expect(counts).toEqual({ checks: 1, reads: 1 });
    publish();
    expect((await repo.current()).version).toBe(2);
    await repo.current();
    expect(counts).toEqual({ checks: 2, reads: 2 });
  });

  it('looks again after POLICY_TRUST_MS, a notice lost or not', async () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T02:00:00Z') });
    const { repo, counts, setVersion } = setup(true);
    await repo.current();
    setVersion(7); // changed without a notice
    jest.setSystemTime(Date.now() + POLICY_TRUST_MS - 1);
    expect((await repo.current()).version).toBe(1);
    jest.setSystemTime(Date.now() + 2);
    expect((await repo.current()).version).toBe(7);
    expect(counts).toEqual({ checks: 2, reads: 2 });
  });

  it('without notices, checks the version on every call and reads only a new one', async () => {
    const { repo, counts, setVersion } = setup(false);
    await repo.current();
    await repo.current();
    expect(counts).toEqual({ checks: 2, reads: 1 });
    setVersion(2);
    expect((await repo.current()).version).toBe(2);
    expect(counts).toEqual({ checks: 3, reads: 2 });
  });
});
