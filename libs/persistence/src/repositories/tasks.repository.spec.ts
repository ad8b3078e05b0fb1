import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor, ROLES } from '@hardtech/domain';
import { AccessService } from '../access/access.service';
import { ENTITIES, TaskCommentEntity, TaskEntity } from '../entities';
import { TaskFilter, TasksRepository } from './tasks.repository';

/**
 * The task reads of every request on a completion's path (GET /api/tasks, a task by id) over
 * TypeORM without a database: each statement sent is recorded, its rows are canned. What the
 * repository sends with its SQL texts reused (QueryTexts) must be what TypeORM renders afresh.
 */
async function setup() {
  const ds = new DataSource({ type: 'postgres', entities: ENTITIES });
  // The entities' metadata, as initialize() builds it, without connecting.
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  const sent: [string, unknown[]][] = [];
  const rows: Record<string, unknown>[] = [];
  // TypeORM's one step that reaches the database (protected): it answers the canned rows.
  const builders = SelectQueryBuilder.prototype as unknown as { loadRawResults(): Promise<unknown[]> };
  jest.spyOn(builders, 'loadRawResults').mockImplementation(async function (
    this: SelectQueryBuilder<TaskEntity>,
  ) {
    sent.push(this.getQueryAndParameters());
    return rows.map((r) => ({ ...r }));
  });
  const repository = () =>
    new TasksRepository(
      ds.getRepository(TaskEntity),
      ds.getRepository(TaskCommentEntity),
      new AccessService(),
    );
  return { sent, rows, repository };
}

const actor = (role: Actor['role'], n: number): Actor => ({
  username: `${role}-${n}`,
  role,
  displayName: `${role} ${n}`,
  scope: {
    districts: [`50011${n}`],
    clusters: [`C${n}`],
    creditCodes: [`91500000MA5U00000${n}`],
    department: `dept-${n}`,
  },
});

const filter = (n: number, more: Partial<TaskFilter> = {}): TaskFilter => ({
  view: 'inbox',
  status: 'open',
  creditCode: `91500000MA5U00000${n}`,
  type: 'SCREEN',
  sort: 'dueAt',
  page: 1,
  pageSize: 20,
  ...more,
});

const SHAPES: Partial<TaskFilter>[] = [
  {},
  { view: 'all', status: 'done', creditCode: undefined, sort: '-createdAt', page: 3, pageSize: 10 },
  { view: 'mine', status: 'cancelled', district: '500112', overdue: true },
  { view: 'cc', type: undefined, candidateGroup: 'role:district_officer', dueBefore: new Date(0) },
];

afterEach(() => jest.restoreAllMocks());

describe('TasksRepository task reads', () => {
  it('send, for every role and filter, the statements TypeORM renders afresh for the caller', async () => {
    const { sent, repository } = await setup();
    /** The statements one read sends (a page's count too, where the page is not the last). */
    const statements = async (read: () => Promise<unknown>) => {
      sent.length = 0;
      await read();
      return sent.splice(0);
    };
    const reused = repository();
    for (const role of ROLES) {
      // The first caller of a role renders the text; the second one's statements must be those a
      // repository that never rendered it sends.
      for (const shape of SHAPES) {
        await reused.list(actor(role, 1), filter(1, shape));
        const second = await statements(() => reused.list(actor(role, 2), filter(2, shape)));
        expect(second).toEqual(await statements(() => repository().list(actor(role, 2), filter(2, shape))));
      }
      const id = '00000000-0000-4000-8000-000000000002';
      await reused.findVisible(actor(role, 1), '00000000-0000-4000-8000-000000000001');
      const second = await statements(() => reused.findVisible(actor(role, 2), id));
      expect(second).toEqual(await statements(() => repository().findVisible(actor(role, 2), id)));
    }
  });

  it('render the SQL of a task by id and of a list page once per role and filters (issue 21)', async () => {
    const { repository } = await setup();
    const render = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery');
    const tasks = repository();
    for (let n = 1; n <= 3; n++) {
      await tasks.findVisible(actor('district_officer', n), '00000000-0000-4000-8000-000000000001');
      await tasks.list(actor('district_officer', n), filter(n));
    }
    expect(render).toHaveBeenCalledTimes(2);
    await tasks.list(actor('district_officer', 1), filter(1, { pageSize: 50 }));
    await tasks.findVisible(actor('enterprise_user', 1), '00000000-0000-4000-8000-000000000001');
    expect(render).toHaveBeenCalledTimes(4);
  });

  it('hydrate the rows as before', async () => {
    const { rows, repository } = await setup();
    rows.push({
      t_id: '00000000-0000-4000-8000-000000000001',
      t_type: 'SCREEN',
      t_credit_code: '91500000MA5U000001',
      t_due_at: new Date('2026-12-07T10:00:00Z'),
      t_candidate_groups: ['role:city_coordinator'],
      copier: { by: 'a', for: null },
      assigneeName: null,
      completedByName: null,
      problemTitle: null,
      myLastUrge: null,
    });
    const tasks = repository();
    for (let i = 0; i < 2; i++) {
      const { items, total } = await tasks.list(actor('city_coordinator', 1), filter(1));
      expect(total).toBe(1);
      expect(items[0]).toMatchObject({
        id: '00000000-0000-4000-8000-000000000001',
        type: 'SCREEN',
        creditCode: '91500000MA5U000001',
        dueAt: new Date('2026-12-07T10:00:00Z'),
        candidateGroups: ['role:city_coordinator'],
        copied: true,
      });
      const task = await tasks.findVisible(
        actor('city_coordinator', 1),
        '00000000-0000-4000-8000-000000000001',
      );
      expect(task).toBeInstanceOf(TaskEntity);
      expect(task?.creditCode).toBe('91500000MA5U000001');
    }
  });
});
