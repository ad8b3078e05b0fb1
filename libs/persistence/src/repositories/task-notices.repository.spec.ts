import type { DataSource } from 'typeorm';
import { TaskNoticesRepository } from './task-notices.repository';

/**
 * The new-task outbox's sweep over a fake PostgreSQL: the statements a sweep costs and the rows it
 * writes, for `tasks` SCREEN tasks queued, each open to every city coordinator.
 */
function setup(coordinators: number, tasks = 1) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const written = {
    notifications: [] as string[],
    deliveries: [] as unknown[][],
    createdAt: [] as unknown[],
  };
  let queued = tasks;
  const query = async (sql: string, params: unknown[] = []) => {
    statements.push({ sql, params });
    if (sql.includes('FROM task_notice_outbox')) {
      const taken = Math.min(queued, params.length ? Number(params[0]) : 1);
      queued -= taken;
      return Array.from({ length: taken }, (_, i) => ({
        id: `t${i + 1}`,
        type: 'SCREEN',
        credit_code: '91350100M000100Y43',
        enterprise_name: '某科技',
        due_at: new Date('2026-03-10T00:00:00Z'),
        candidate_groups: ['city_coordinator'],
        assignee: null,
        status: 'open',
        returned_reason: null,
        // Queued a second apart, as tasks opened by transitions one after another.
        queued_at: new Date(Date.UTC(2026, 11, 7, 8, 0, i)),
      }));
    }
    if (sql.includes('FROM users u'))
      return Array.from({ length: coordinators }, (_, i) => ({
        username: `coord-${i}`,
        role: 'city_coordinator',
        scope: {},
        display_name: null,
        has_preferences: true,
        email: `coord-${i}@example.cn`,
        email_enabled: true,
      }));
    if (sql.includes('INSERT INTO notifications')) {
      const ids = params.filter((_, i) => i % 11 === 0) as string[];
      written.notifications.push(...ids);
      written.createdAt.push(...params.filter((_, i) => i % 11 === 8));
      return ids.map((id) => ({ id }));
    }
    if (sql.includes('INSERT INTO notification_deliveries')) {
      for (let i = 0; i < params.length; i += 4) written.deliveries.push(params.slice(i, i + 4));
      return [];
    }
    return [];
  };
  const ds = { transaction: async (run: (m: unknown) => unknown) => run({ query }) } as unknown as DataSource;
  return { repo: new TaskNoticesRepository(ds), statements, written };
}

describe('TaskNoticesRepository.sweep', () => {
  const kinds = (statements: { sql: string }[]) =>
    statements.map((s) => s.sql.trim().split(/\s+/).slice(0, 3).join(' '));
  // The tasks taken, their people, their notices, their deliveries, the mark: one transaction.
  const ONE_SWEEP = [
    'SELECT t.id, t.type,',
    'SELECT u.username, u.role,',
    'INSERT INTO notifications',
    'INSERT INTO notification_deliveries',
    'UPDATE task_notice_outbox SET',
  ];

  it("tells a task's whole audience in two statements, not two a person (issue 21)", async () => {
    const { repo, statements, written } = setup(40);
    expect(await repo.sweep(10)).toBe(1);
    expect(written.notifications).toHaveLength(40);
    expect(written.notifications[0]).toBe('task_opened:t1:coord-0');
    expect(written.deliveries).toHaveLength(40);
    expect(written.deliveries[0]).toEqual([
      'task_opened:t1:coord-0',
      'email',
      'coord-0@example.cn',
      'coord-0',
    ]);
    expect(kinds(statements)).toEqual(ONE_SWEEP);
  });

  it('sweeps the queued tasks in one transaction of five statements, not six statements a task (issue 21)', async () => {
    const { repo, statements, written } = setup(2, 30);
    expect(await repo.sweep(25)).toBe(25);
    expect(written.notifications).toHaveLength(50);
    expect(written.notifications.slice(-2)).toEqual(['task_opened:t25:coord-0', 'task_opened:t25:coord-1']);
    expect(kinds(statements)).toEqual(ONE_SWEEP);
    expect(statements.at(-1)!.params).toEqual([Array.from({ length: 25 }, (_, i) => `t${i + 1}`)]);
  });

  it('dates each notice when its task opened, not when the sweep came: one batch is one transaction', async () => {
    // Dated alike, the feed (created_at DESC, id) put a batch's notices in the order of their ids:
    // test/notices/task-opened saw the second quarter's report before the first.
    const { repo, written } = setup(1, 3);
    await repo.sweep(10);
    expect(written.createdAt).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-07T08:00:01.000Z',
      '2026-12-07T08:00:02.000Z',
    ]);
  });
});
