import { DataSource, EntityManager } from 'typeorm';
import { Actor, candidateFilter, OpenedTask } from '@hardtech/domain';
import { Channel, channelsOf, PREFERENCE_COLUMNS, toPreferences } from './preferences.repository';

/** A person an outbox's sweeper may tell, with the channels they chose. */
export interface NoticePerson {
  actor: Actor;
  channels: Channel[];
}

/** A notification addressed to one person (`user:<username>`), its id once-only. */
export interface PersonalNotice {
  id: string;
  kind: string;
  username: string;
  taskId: string | null;
  taskType: string | null;
  creditCode: string;
  enterpriseName: string;
  dueAt: Date | null;
  at: string;
  data: unknown;
}

/** The active users the groups (or the assignees) of the tasks may name, with the channels each chose. */
export async function noticePeople(m: EntityManager, ...to: OpenedTask[]): Promise<NoticePerson[]> {
  const filters = to.map(candidateFilter);
  const all = <K extends keyof (typeof filters)[number]>(k: K) => [...new Set(filters.flatMap((f) => f[k]))];
  const rows = await m.query(
    `SELECT u.username, u.role, u.scope, u.display_name, ${PREFERENCE_COLUMNS}
     FROM users u LEFT JOIN notification_preferences p ON p.username = u.username
     WHERE u.active AND (u.role = ANY($1) OR u.username = ANY($2) OR u.scope->>'department' = ANY($3))`,
    [all('roles'), all('usernames'), all('departments')],
  );
  return rows.map((r: any) => {
    const actor: Actor = {
      username: r.username,
      role: r.role,
      scope: r.scope,
      displayName: r.display_name,
    };
    return { actor, channels: channelsOf(actor, toPreferences(r)) };
  });
}

/** Rows per INSERT: 11 parameters a notice, far below PostgreSQL's 65,535 a statement. */
const NOTICES_PER_STATEMENT = 500;

/** `($1, $2, …), ($n+1, …)`: the VALUES of `rows` rows of `width` parameters. */
function valuesOf(rows: number, width: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  ).join(', ');
}

/**
 * Records each person's notice and a delivery on each channel given with it; nothing for a notice
 * whose id was recorded already (a sweep run again after its mark was lost). Two statements for the
 * whole audience, not two a person (issue 21: a task open to every coordinator cost one INSERT per
 * coordinator and one per channel of each).
 */
export async function tellPeople(
  m: EntityManager,
  notices: { notice: PersonalNotice; channels: Channel[] }[],
): Promise<void> {
  for (let i = 0; i < notices.length; i += NOTICES_PER_STATEMENT) {
    const batch = notices.slice(i, i + NOTICES_PER_STATEMENT);
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO notifications (id, kind, task_id, task_type, credit_code, enterprise_name, due_at, audience_groups,
         created_at, username, data)
       VALUES ${valuesOf(batch.length, 11)} ON CONFLICT DO NOTHING RETURNING id`,
      batch.flatMap(({ notice: n }) => [
        n.id,
        n.kind,
        n.taskId,
        n.taskType,
        n.creditCode,
        n.enterpriseName,
        n.dueAt,
        [`user:${n.username}`],
        n.at,
        n.username,
        n.data === null ? null : JSON.stringify(n.data),
      ]),
    );
    const fresh = new Set(inserted.map((r) => r.id));
    const deliveries = batch
      .filter(({ notice }) => fresh.has(notice.id))
      .flatMap(({ notice, channels }) => channels.map((c) => [notice.id, c.channel, c.target, c.recipient]));
    if (!deliveries.length) continue;
    await m.query(
      `INSERT INTO notification_deliveries (notification_id, channel, target, recipient)
       VALUES ${valuesOf(deliveries.length, 4)} ON CONFLICT DO NOTHING`,
      deliveries.flat(),
    );
  }
}

/**
 * An outbox's sweep: `one` takes the next queued row (SKIP LOCKED), tells its people and marks it
 * swept, in a transaction of its own, and answers false when nothing is queued. Runs it up to
 * `limit` times; answers how many rows it swept.
 */
export async function sweepOutbox(
  ds: DataSource,
  limit: number,
  one: (m: EntityManager) => Promise<boolean>,
): Promise<number> {
  let swept = 0;
  while (swept < limit && (await ds.transaction(one))) swept++;
  return swept;
}
