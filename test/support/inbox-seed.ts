import { BUILTIN_CLUSTERS, DISTRICTS, taskDepartment, TaskType } from '@hardtech/domain';
import { analyze, db } from './db';

/**
 * The task types of a lifecycle in order, with the candidate group each is offered to (SQL) and one
 * such group as the projection would see it, to record the department by its rule (taskDepartment).
 */
const TYPES: [TaskType, string, string][] = [
  ['SCREEN', `'city_coordinator'`, 'city_coordinator'],
  ['DISTRICT_FEEDBACK', `'district_officer:district:' || district`, 'district_officer:district:x'],
  ['ENTERPRISE_CONFIRM', `'enterprise_user:enterprise:' || credit_code`, 'enterprise_user:enterprise:x'],
  ['ADMIT', `'city_coordinator'`, 'city_coordinator'],
  ['DIAGNOSE', `'user:seed-commissioner'`, 'user:seed-commissioner'],
  ['QUARTERLY_REPORT', `'enterprise_user:enterprise:' || credit_code`, 'enterprise_user:enterprise:x'],
  ['QUARTERLY_REVIEW', `'industry_officer:cluster:' || cluster`, 'industry_officer:cluster:x'],
  ['GRADUATION_REVIEW', `'city_coordinator'`, 'city_coordinator'],
];

/**
 * Seeds the read model directly (issue 9: "≥ 100,000 rows in tasks, seeded directly"): `enterprises`
 * enterprises spread over every district and cluster, each with one row per lifecycle task; two
 * in five are still in progress, with one task open at a step that varies by enterprise, the rest
 * done by other people. Credit codes start with `prefix` (one letter, `B` by default), so they never
 * collide with real ones. The bench's inbox and test/serial/inbox-plan.test.ts read them.
 */
export async function seedInbox(
  enterprises: number,
  prefix = 'B',
): Promise<{ tasks: number; seconds: number; creditCodes: string[] }> {
  const started = Date.now();
  const districts = DISTRICTS.map((d) => d.code);
  const clusters = BUILTIN_CLUSTERS.map((c) => c.code);
  const pg = db();
  const { rows: seeded } = await pg.query(
    `INSERT INTO enterprises (credit_code, name, district, cluster, stage, workflow_id, lifecycle_no,
                              nomination, nominated_by)
     SELECT $4 || lpad(n::text, 17, '0'), '压测企业' || n, ($2::text[])[1 + n % cardinality($2)],
            ($3::text[])[1 + n % cardinality($3)],
            CASE WHEN n % 5 < 2 THEN 'diagnosis' ELSE 'graduated' END,
            'enterprise/' || $4 || lpad(n::text, 17, '0'), 1, '{}'::jsonb, 'seed-officer'
     FROM generate_series(1, $1) AS n
     RETURNING credit_code`,
    [enterprises, districts, clusters, prefix],
  );
  const creditCodes = seeded.map((r: { credit_code: string }) => r.credit_code);
  for (const [step, [type, group, sample]] of TYPES.entries()) {
    await pg.query(
      `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key,
                          candidate_groups, status, completed_by, completed_at, enterprise_name,
                          district, cluster, policy_version, created_at, due_at, department)
       SELECT gen_random_uuid(), workflow_id, credit_code, 1, $1::text, 'screening', 'seed.' || $1::text,
              ARRAY[${group}], s.status, CASE WHEN s.status = 'done' THEN 'seed-officer' END,
              CASE WHEN s.status = 'done' THEN created END, name, district, cluster, 1,
              created, created + interval '10 days', $4::text
       FROM (SELECT e.*, now() - (n % 700) * interval '1 day' + $2::int * interval '12 days' AS created,
                    CASE WHEN n % 5 < 2 AND n % 8 = $2::int THEN 'open' ELSE 'done' END AS status
             FROM (SELECT *, substr(credit_code, 2)::int AS n FROM enterprises
                   WHERE credit_code LIKE $3 || '%') e) s
       -- An enterprise in progress has no rows yet for the steps after its open one.
       WHERE NOT (s.n % 5 < 2 AND s.n % 8 < $2::int)`,
      [type, step, prefix, taskDepartment(type, [sample])],
    );
  }
  // A database in use has statistics: autovacuum analyzes a table after a tenth of it changed.
  // Rows added in bulk have none until then, and the planner would guess (2,478 enterprises for
  // 15,660 in an earlier run, whose ANALYZE the application role was refused).
  await analyze(['enterprises', 'tasks']);
  const { rows } = await pg.query('SELECT count(*)::int AS n FROM tasks');
  return { tasks: rows[0].n, seconds: (Date.now() - started) / 1000, creditCodes };
}
