import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, CONFIG } from '@hardtech/config';
import type { AuditEvent, AuditOutcome, AuditReads, TransitionFacts } from '@hardtech/domain';
import { currentLogContext } from '@hardtech/observability/log-context';
import type { ChainedEvent } from '../audit-chain/canonical';
import type { SignedCheckpoint } from '../audit-chain/checkpoint';
import { AuditChainKey, chainHash, rowAlgOf } from '../audit-chain/keyed-hash';
import {
  ChainAnchor,
  ChainCheck,
  ChainVerifier,
  GENESIS_HASH,
  StoredAuditRow,
} from '../audit-chain/verifier';

export type { AuditOutcome };

/** One audit event as a writer hands it over; position, time and hash come from the chain's head. */
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

/** A row as the log lists it: the enterprise's name beside its code (null without one). */
export type ListedAuditEvent = AuditEventRow & { enterpriseName: string | null };

export interface AuditFilter {
  creditCode?: string;
  actor?: string;
  /** Prefix: `auth.` finds every login event. */
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  /** Reads (GET requests answered, READ_SQL): with the rest (the default), left out, or alone. */
  reads?: AuditReads;
  page: number;
  pageSize: number;
}

/**
 * A read in the log: a GET request that was answered (an administrator's reads, all of them). A
 * refused GET is a permission refusal, an event of its own, and never counted a read.
 */
const READ_SQL = `(action LIKE 'GET %' AND outcome = 'ok')`;

/** Anything that runs SQL: the DataSource, or the EntityManager of an open transaction. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** The rows of a SELECT: TypeORM answers them, a pg client (the projection test's) a result holding them. */
export async function select(sql: SqlRunner, text: string, params: unknown[] = []): Promise<any[]> {
  const result = await sql.query(text, params);
  return Array.isArray(result) ? result : result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The chain's head as `audit_chain_next()` answers it: the next position, its predecessor, the time. */
export interface ChainNext {
  seq: string | number;
  prev_hash: string;
  at: string;
}

/** The statement that locks the chain's head until the commit and answers the next position. */
export const CHAIN_NEXT = `SELECT seq, prev_hash, at FROM audit_chain_next()`;

/** CHAIN_NEXT with the credit code of the task $1 (null when there is no such task). */
const CHAIN_NEXT_WITH_TASK_CREDIT_CODE = `SELECT n.seq, n.prev_hash, n.at,
  (SELECT t.credit_code FROM tasks t WHERE t.id = $1::uuid) AS credit_code FROM audit_chain_next() n`;

/**
 * Appends one event at the head of the keyed chain (migration 1764830000000). Call it inside a
 * transaction: `audit_chain_next()` locks the head until the commit, so the event's position, time
 * and predecessor are the ones it is hashed with, and no concurrent writer forks the chain.
 */
export async function appendAuditEvent(
  sql: SqlRunner,
  key: AuditChainKey,
  e: AuditEventInput,
  /**
   * The caller found `dedupKey` free and locked the head in this transaction already, with the
   * same statement (the projection's transition log: one round trip less per transition).
   */
  locked?: ChainNext,
): Promise<void> {
  const dedupKey = e.dedupKey ?? null;
  if (dedupKey && !locked) {
    const logged = await select(sql, `SELECT 1 FROM audit_events WHERE dedup_key = $1`, [dedupKey]);
    if (logged.length) return; // a retried projection: logged once (the trigger skips it too)
  }
  const taskId = e.taskId && UUID.test(e.taskId) ? e.taskId.toLowerCase() : null;
  let creditCode = e.creditCode ?? null;
  let next: ChainNext;
  if (!creditCode && taskId && !locked) {
    // The task's enterprise with the chain's head, in one round trip (issue 21: a request on a
    // task, its completion first, was audited in five statements with a lookup of its own).
    const [row] = await select(sql, CHAIN_NEXT_WITH_TASK_CREDIT_CODE, [taskId]);
    creditCode = row.credit_code ?? null;
    next = row;
  } else {
    if (!creditCode && taskId) {
      const [task] = await select(sql, `SELECT credit_code FROM tasks WHERE id = $1::uuid`, [taskId]);
      creditCode = task?.credit_code ?? null;
    }
    next = locked ?? (await select(sql, CHAIN_NEXT))[0];
  }
  const event: ChainedEvent = {
    seq: Number(next.seq),
    at: next.at,
    actor: e.actor.slice(0, 64),
    actorRole: e.actorRole ?? null,
    action: e.action.slice(0, 120),
    outcome: e.outcome ?? 'ok',
    status: e.status ?? null,
    creditCode,
    taskId,
    requestId: e.requestId?.slice(0, 128) ?? null,
    data: JSON.parse(JSON.stringify(e.data ?? {})),
    dedupKey,
    hashAlg: rowAlgOf(key.alg),
  };
  await sql.query(
    `INSERT INTO audit_events (seq, at, actor, actor_role, action, outcome, status, credit_code, task_id,
       request_id, data, dedup_key, hash_alg, prev_hash, hash)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      event.seq,
      event.at,
      event.actor,
      event.actorRole,
      event.action,
      event.outcome,
      event.status,
      event.creditCode,
      event.taskId,
      event.requestId,
      JSON.stringify(event.data),
      event.dedupKey,
      event.hashAlg,
      next.prev_hash,
      chainHash(key, next.prev_hash, event),
    ],
  );
}

/** The chain's key and function, from the configuration (AUDIT_HMAC_KEY, AUDIT_HMAC_ALG). */
export function auditChainKeyOf(config: Pick<AppConfig, 'audit'>): AuditChainKey {
  return { alg: config.audit.hmacAlg, key: config.audit.hmacKey };
}

/** UTC to the microsecond, as the chain hashes it. */
const AT_TEXT = `to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The plain digest of migration 1764400000000, spelled out rather than called: whoever could
 * replace the function audit_event_digest could not make the verification use it.
 */
const LEGACY_DIGEST = `encode(sha256(convert_to(jsonb_build_array(
  e.seq, ${AT_TEXT}, e.actor, e.actor_role, e.action, e.outcome, e.status, e.credit_code, e.task_id,
  e.request_id, e.data, e.dedup_key, e.prev_hash)::text, 'UTF8')), 'hex')`;

const VERIFY_BATCH = 2000;

/** The append-only, hash-chained audit log in PostgreSQL. */
@Injectable()
export class AuditRepository {
  private readonly key: AuditChainKey;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.key = auditChainKeyOf(config);
  }

  /** The appends of this process, one after another (see append). */
  private appending: Promise<unknown> = Promise.resolve();

  /**
   * Appends one event; inside an HTTP request it carries that request's id (X-Request-Id). The
   * chain's lock lets one append at a time through anyway: queued here, the others wait without
   * holding a pooled connection, which the rest of the API (readiness' ping too) keeps using.
   */
  append(e: AuditEventInput): Promise<void> {
    const event = { requestId: currentLogContext()?.requestId, ...e };
    const appended = this.appending.then(() =>
      this.ds.transaction((m) => appendAuditEvent(m, this.key, event)),
    );
    this.appending = appended.catch(() => undefined);
    return appended;
  }

  async list(f: AuditFilter): Promise<{ items: ListedAuditEvent[]; total: number }> {
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
    if (f.reads === 'exclude') where.push(`NOT ${READ_SQL}`);
    if (f.reads === 'only') where.push(READ_SQL);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM audit_events ${filter}`,
      params,
    );
    // The enterprise's name beside its code, joined to the page's rows only (one query, no lookups).
    const rows = await this.ds.query(
      `SELECT page.*, e.name AS enterprise_name FROM (
         SELECT seq, at, actor, actor_role, action, outcome, status, credit_code, task_id, request_id, data,
           prev_hash, hash
         FROM audit_events ${filter}
         ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}
       ) page LEFT JOIN enterprises e ON e.credit_code = page.credit_code
       ORDER BY page.seq DESC`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return {
      items: rows.map((r: any) => ({ ...toRow(r), enterpriseName: r.enterprise_name ?? null })),
      total,
    };
  }

  /**
   * What the read model knows of these transitions beyond their receipts, by the event's seq: the
   * type of each row's task (the tasks table), and the stage before and after where the transition
   * changed it (stage_history, keyed by the lifecycle and the transition's number). One query.
   */
  async transitionFacts(events: AuditEventRow[]): Promise<Map<number, TransitionFacts>> {
    const transitions = events.filter((e) => e.action === 'workflow.transition' && e.creditCode);
    if (!transitions.length) return new Map();
    const number = (v: unknown) => (Number.isInteger(v) ? (v as number) : null);
    const rows: {
      seq: number;
      task_type: string | null;
      stage_to: string | null;
      stage_from: string | null;
    }[] = await this.ds.query(
      `SELECT x.seq, t.type AS task_type, h.stage AS stage_to,
           (SELECT p.stage FROM stage_history p
            WHERE p.credit_code = h.credit_code AND p.lifecycle_no = h.lifecycle_no AND p.seq < h.seq
            ORDER BY p.seq DESC LIMIT 1) AS stage_from
         FROM unnest($1::int[], $2::uuid[], $3::varchar[], $4::int[], $5::int[])
           AS x(seq, task_id, credit_code, lifecycle_no, transition)
         LEFT JOIN tasks t ON t.id = x.task_id
         LEFT JOIN stage_history h ON h.credit_code = x.credit_code AND h.lifecycle_no = x.lifecycle_no
           AND h.seq = x.transition`,
      [
        transitions.map((e) => e.seq),
        transitions.map((e) => e.taskId),
        transitions.map((e) => e.creditCode),
        transitions.map((e) => number(e.data.lifecycleNo)),
        transitions.map((e) => number(e.data.seq)),
      ],
    );
    return new Map(
      rows.map((r) => [
        Number(r.seq),
        {
          taskType: r.task_type,
          stageChange: r.stage_to ? { from: r.stage_from, to: r.stage_to } : null,
        },
      ]),
    );
  }

  /**
   * Walks the whole chain in one snapshot, a batch at a time, checking every keyed hash and link,
   * and that the chain still holds what `checkpoint` (the last signed one) vouched for. With
   * `from` (a checkpoint already verified) only the rows after it are walked.
   */
  async verify(checkpoint: SignedCheckpoint | null, from?: ChainAnchor): Promise<ChainVerification> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const [head] = await m.query(`SELECT seq, hash::text AS hash FROM audit_chain_head`);
      const [legacy] = await m.query(`SELECT through_seq FROM audit_chain_legacy`);
      const anchor: ChainAnchor = head
        ? { seq: Number(head.seq), hash: head.hash }
        : { seq: 0, hash: GENESIS_HASH };
      // The signed boundary wins: moving the one in the database is itself a change.
      const legacyThrough = checkpoint?.legacyThrough ?? Number(legacy?.through_seq ?? 0);
      const verifier = new ChainVerifier(this.key, legacyThrough, checkpoint, from);
      for (let after = from?.seq ?? 0; ;) {
        const rows = await m.query(
          `SELECT e.seq, ${AT_TEXT} AS at, e.actor, e.actor_role, e.action, e.outcome, e.status,
             e.credit_code, e.task_id, e.request_id, e.data, e.dedup_key, e.hash_alg,
             e.prev_hash::text AS prev_hash, e.hash::text AS hash,
             CASE WHEN e.seq <= $2 THEN ${LEGACY_DIGEST} END AS legacy_digest
           FROM audit_events e WHERE e.seq > $1 ORDER BY e.seq LIMIT ${VERIFY_BATCH}`,
          [after, legacyThrough],
        );
        for (const r of rows) verifier.push(toStored(r));
        if (rows.length < VERIFY_BATCH) break;
        after = Number(rows[rows.length - 1].seq);
      }
      return { ...verifier.finish(anchor), head: anchor, legacyThrough };
    });
  }
}

/** The chain's verdict, with the head in the database and the legacy prefix used. */
export interface ChainVerification extends ChainCheck {
  head: ChainAnchor;
  legacyThrough: number;
}

/** A row's columns as the API and the chain name them; `at` as the caller read it. */
function fieldsOf(r: any, at: string) {
  return {
    seq: Number(r.seq),
    at,
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

function toStored(r: any): StoredAuditRow {
  return { ...fieldsOf(r, r.at), dedupKey: r.dedup_key, hashAlg: r.hash_alg, legacyDigest: r.legacy_digest };
}

function toRow(r: any): AuditEventRow {
  return fieldsOf(r, (r.at as Date).toISOString());
}
