import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEvent, AuditOutcome, AuditVerification } from '@hardtech/domain';
import { currentLogContext } from '@hardtech/observability/log-context';

export type { AuditOutcome, AuditVerification };

/** One audit event as a writer hands it over; position, time and hashes are the database's. */
export interface AuditEventInput {
  /** Username; `system` for the workflows' own steps, `anonymous` before authentication. */
  actor: string;
  actorRole?: string | null;
  /** e.g. `auth.login`, `workflow.transition`, `POST /api/tasks/:id/complete`. */
  action: string;
  outcome?: AuditOutcome;
  status?: number | null;
  creditCode?: string | null;
  /** A task id (UUID); the enterprise is filled in from the task when not given. */
  taskId?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
  /** Appends at most once per key (a retried projection). */
  dedupKey?: string | null;
}

export type AuditEventRow = AuditEvent;

export interface AuditFilter {
  creditCode?: string;
  actor?: string;
  /** Prefix: `auth.` finds every login event. */
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Anything that runs SQL: the DataSource, or the EntityManager of an open transaction. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Appends one event. The BEFORE INSERT trigger chains it (migration 1764400000000); call it inside
 * a transaction to log exactly what that transaction commits.
 */
export async function appendAuditEvent(sql: SqlRunner, e: AuditEventInput): Promise<void> {
  const taskId = e.taskId && UUID.test(e.taskId) ? e.taskId.toLowerCase() : null;
  await sql.query(
    `INSERT INTO audit_events (actor, actor_role, action, outcome, status, credit_code, task_id, request_id,
       data, dedup_key)
     VALUES ($1, $2, $3, $4, $5,
       COALESCE($6, (SELECT credit_code FROM tasks WHERE id = $7::uuid)), $7, $8, $9, $10)`,
    [
      e.actor.slice(0, 64),
      e.actorRole ?? null,
      e.action.slice(0, 120),
      e.outcome ?? 'ok',
      e.status ?? null,
      e.creditCode ?? null,
      taskId,
      e.requestId?.slice(0, 128) ?? null,
      JSON.stringify(e.data ?? {}),
      e.dedupKey ?? null,
    ],
  );
}

/** The append-only, hash-chained audit log in PostgreSQL. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Appends one event; inside an HTTP request it carries that request's id (X-Request-Id). */
  append(e: AuditEventInput): Promise<void> {
    return appendAuditEvent(this.ds, { requestId: currentLogContext()?.requestId, ...e });
  }

  async list(f: AuditFilter): Promise<{ items: AuditEventRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.creditCode) add('credit_code = ?', f.creditCode);
    if (f.actor) add('actor = ?', f.actor);
    if (f.action)
      add(
        `action LIKE ? || '%'`,
        f.action.replace(/[\\%_]/g, (c) => `\\${c}`),
      );
    if (f.outcome) add('outcome = ?', f.outcome);
    if (f.from) add('at >= ?', f.from);
    if (f.to) add('at < ?', f.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM audit_events ${filter}`,
      params,
    );
    const rows = await this.ds.query(
      `SELECT seq, at, actor, actor_role, action, outcome, status, credit_code, task_id, request_id, data,
         prev_hash, hash
       FROM audit_events ${filter}
       ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return { items: rows.map(toRow), total };
  }

  async verify(): Promise<AuditVerification> {
    const [r] = await this.ds.query(`SELECT * FROM audit_verify()`);
    return {
      ok: r.first_broken_at === null,
      checked: Number(r.checked),
      firstBrokenAt: r.first_broken_at === null ? null : Number(r.first_broken_at),
      reason: r.reason,
      head: { seq: Number(r.head_seq), hash: r.head_hash },
    };
  }
}

function toRow(r: any): AuditEventRow {
  return {
    seq: Number(r.seq),
    at: (r.at as Date).toISOString(),
    actor: r.actor,
    actorRole: r.actor_role,
    action: r.action,
    outcome: r.outcome,
    status: r.status,
    creditCode: r.credit_code,
    taskId: r.task_id,
    requestId: r.request_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
