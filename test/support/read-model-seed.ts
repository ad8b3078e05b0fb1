import { randomUUID } from 'node:crypto';
import { taskDepartment, TaskType } from '@hardtech/domain';
import { tag } from './cast';
import { db, deleteSeededEnterprises } from './db';

// Enterprises written straight into the read model, without workflows, for tests of figures over
// a known data set (KPI, the lists behind it). They must leave with their test
// (deleteSeededEnterprises), so that nothing walking the read model afterwards meets them.

/** A cluster of the test's own (K + 6 letters), so an officer of it sees exactly what the test seeds. */
export async function seedCluster(): Promise<string> {
  const code = `K${tag().slice(0, 6).toUpperCase()}`;
  await db().query(`INSERT INTO clusters (code, tier, name, en) VALUES ($1, 'new_star', $2, $3)`, [
    code,
    `测试集群${code}`,
    `test cluster ${code}`,
  ]);
  return code;
}

export interface SeededEnterprise {
  code: string;
  name: string;
  district: string;
  cluster: string;
  stage: string;
  baseline: number | null;
  /** Lifecycle 1 began (ISO instant). */
  startedAt: string;
  membership?: { from: string; to?: string; reason?: string };
  ended?: { at: string; stage: string; reason: string | null };
  reports?: { quarter: string; annualized: number; growth: number; expected: number; onTrack: boolean }[];
  /** The stages lifecycle 1 entered, oldest first: [stage, ISO instant] (stage_history). */
  stages?: [string, string][];
}

export async function seedEnterprise(s: SeededEnterprise): Promise<void> {
  await db().query(
    `INSERT INTO enterprises (credit_code, name, district, cluster, stage, workflow_id, lifecycle_no, projection_seq,
       nomination, nominated_by, lead_cluster, baseline_revenue)
     VALUES ($1, $2, $3, $4, $5, $6, 1, 10, '{}', 'seed', $7, $8)`,
    [
      s.code,
      s.name,
      s.district,
      s.cluster,
      s.stage,
      `enterprise/${s.code}`,
      s.membership ? s.cluster : null,
      s.baseline,
    ],
  );
  await db().query(
    `INSERT INTO lifecycles (credit_code, lifecycle_no, workflow_id, name, nominated_by, started_at, ended_at, final_stage, reason)
     VALUES ($1, 1, $2, $3, 'seed', $4, $5, $6, $7)`,
    [
      s.code,
      `enterprise/${s.code}`,
      s.name,
      s.startedAt,
      s.ended?.at ?? null,
      s.ended?.stage ?? null,
      s.ended?.reason ?? null,
    ],
  );
  if (s.membership) {
    await db().query(
      `INSERT INTO membership_periods (credit_code, lifecycle_no, from_date, to_date, end_reason) VALUES ($1, 1, $2, $3, $4)`,
      [s.code, s.membership.from, s.membership.to ?? null, s.membership.reason ?? null],
    );
  }
  for (const [i, [stage, at]] of (s.stages ?? []).entries()) {
    await db().query(
      `INSERT INTO stage_history (credit_code, lifecycle_no, seq, stage, at) VALUES ($1, 1, $2, $3, $4)`,
      [s.code, i + 1, stage, at],
    );
  }
  for (const r of s.reports ?? []) {
    await db().query(
      `INSERT INTO quarterly_reports (credit_code, lifecycle_no, quarter, revenue, rd_expense, headcount, new_class_one_ip,
         financing, listing_progress, submitted_by, submitted_at, annualized_revenue, growth_ratio, expected_ratio, on_track)
       VALUES ($1, 1, $2, $3, 100000, 50, 0, 0, 'none', 'seed', now(), $4, $5, $6, $7)`,
      [s.code, r.quarter, r.annualized / 4, r.annualized, r.growth, r.expected, r.onTrack],
    );
  }
}

/** An open task of a seeded enterprise; returns its id. */
export async function seedTask(
  s: SeededEnterprise,
  type: TaskType,
  groups: string[],
  dueAt: string,
  assignee: string | null = null,
): Promise<string> {
  const id = randomUUID();
  await db().query(
    `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups, status,
       enterprise_name, district, cluster, policy_version, created_at, due_at, department, assignee)
     VALUES ($12, $1, $2, 1, $3, $4, 'seed', $5, 'open', $6, $7, $8, 1, now(), $9, $10, $11)`,
    [
      `enterprise/${s.code}`,
      s.code,
      type,
      s.stage,
      groups,
      s.name,
      s.district,
      s.cluster,
      dueAt,
      taskDepartment(type, groups),
      assignee,
      id,
    ],
  );
  return id;
}

/** Takes a test's seeded enterprises and its cluster out of the read model again. */
export async function removeSeeds(seeds: Record<string, SeededEnterprise> | undefined, cluster: string) {
  await deleteSeededEnterprises(Object.values(seeds ?? {}).map((s) => s.code));
  await db().query(`DELETE FROM clusters WHERE code = $1`, [cluster]);
}

/** A ledger problem of a seeded enterprise's lifecycle 1 (owner 行业处室 unless named); returns its id. */
export async function seedProblem(
  s: SeededEnterprise,
  title: string,
  dueAt: string,
  status = 'open',
  owner = 'industry',
): Promise<string> {
  const id = randomUUID();
  await db().query(
    `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department, due_at,
       status, district, cluster, nomination_cluster, created_at, updated_at)
     VALUES ($1, $2, 1, $3, 'policy_support', '措施', '目标', $4, $5, $6, $7, $8, $8, now(), now())`,
    [id, s.code, title, owner, dueAt, status, s.district, s.cluster],
  );
  return id;
}
