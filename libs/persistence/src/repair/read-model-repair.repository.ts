import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, CONFIG } from '@hardtech/config';
import { lifecycleWorkflowId, LifecycleView, ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import { appendAuditEvent, auditChainKeyOf } from '../repositories/audit.repository';
import type { AuditChainKey } from '../audit-chain/keyed-hash';
import { writeProblems } from '../projection/problems.writer';
import { NOT_DONE_COLUMNS, writeTasks } from '../projection/tasks.writer';
import { writeWith } from '../projection/writers';
import type { InboxSnapshot, InboxTask, ReadModelDiff } from './read-model-diff';

/** Why an enterprise is suspected: an Update without a domain answer, a worker start, the sweep. */
export type SuspectReason = 'update_failed' | 'worker_started' | 'sweep';

export interface Suspect {
  creditCode: string;
  reason: SuspectReason;
  attempts: number;
}

/** What a repair changed besides re-sending lost completions, for the audit event. */
export interface RepairReport {
  resent: string[];
  refused: { taskId: string; code: string }[];
}

/** The inbox moved on after the comparison a repair was decided on: compare again. */
export class InboxMovedOn extends Error {
  constructor(creditCode: string) {
    super(`${creditCode}: the inbox moved on since it was compared`);
  }
}

/**
 * The read model's side of the repair (docs/design.md, "The read model under faults"): the queue
 * of suspected enterprises, an enterprise's inbox as a snapshot, and the one transaction that makes
 * it equal to its workflow's state.
 */
@Injectable()
export class ReadModelRepairRepository {
  private readonly auditChain: AuditChainKey;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.auditChain = auditChainKeyOf(config);
  }

  /** Queues an enterprise to be compared after `delaySeconds` (an earlier note keeps its place). */
  async suspect(creditCode: string, reason: SuspectReason, delaySeconds = 0): Promise<void> {
    await this.ds.query(
      `INSERT INTO read_model_suspects (credit_code, reason, noted_at)
       VALUES ($1, $2, now() + make_interval(secs => $3)) ON CONFLICT (credit_code) DO NOTHING`,
      [creditCode, reason, delaySeconds],
    );
  }

  /**
   * Queues every enterprise a person moved (`acted_at`: an Update's transition, the kind a lost
   * workflow task can lose) after `since` and at least `graceSeconds` ago; answers the time the next
   * sweep starts from (the database's clock, as acted_at is).
   */
  async suspectProjectedSince(since: Date, graceSeconds: number, reason: SuspectReason): Promise<Date> {
    const [{ until }] = await this.ds.query(`SELECT now() - make_interval(secs => $1) AS until`, [
      graceSeconds,
    ]);
    await this.ds.query(
      `INSERT INTO read_model_suspects (credit_code, reason)
       SELECT credit_code, $3 FROM enterprises WHERE acted_at > $1 AND acted_at <= $2
       ON CONFLICT (credit_code) DO NOTHING`,
      [since, until, reason],
    );
    return new Date(until);
  }

  /**
   * Takes up to `limit` suspects noted at least `graceSeconds` ago, an Update's failure or a worker's
   * start before the periodic sweep's many; several workers share them.
   */
  async claim(limit: number, graceSeconds: number): Promise<Suspect[]> {
    const [rows] = await this.ds.query(
      `DELETE FROM read_model_suspects WHERE credit_code IN (
         SELECT credit_code FROM read_model_suspects WHERE noted_at <= now() - make_interval(secs => $2)
         ORDER BY (reason = 'sweep'), noted_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING credit_code, reason, attempts`,
      [limit, graceSeconds],
    );
    return (rows as any[]).map((r) => ({
      creditCode: r.credit_code,
      reason: r.reason,
      attempts: r.attempts,
    }));
  }

  /** Puts a suspect back for later (the workflow could not be asked): backoff by attempts. */
  async retryLater(s: Suspect): Promise<void> {
    const delay = Math.min(60, 2 ** Math.min(s.attempts, 6));
    await this.ds.query(
      `INSERT INTO read_model_suspects (credit_code, reason, attempts, noted_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) ON CONFLICT (credit_code) DO NOTHING`,
      [s.creditCode, s.reason, s.attempts + 1, delay],
    );
  }

  /** The enterprise's current lifecycle as the read model has it; null when it has none. */
  async snapshot(creditCode: string): Promise<InboxSnapshot | null> {
    const [enterprise] = await this.ds.query(
      `SELECT lifecycle_no, projection_seq, stage FROM enterprises WHERE credit_code = $1`,
      [creditCode],
    );
    if (!enterprise) return null;
    const tasks: any[] = await this.ds.query(
      `SELECT id, status, outcome, data, completed_by, completed_at, idempotency_key, assignee
         FROM tasks WHERE credit_code = $1 AND lifecycle_no = $2 AND (result->>'repair') IS NULL`,
      [creditCode, enterprise.lifecycle_no],
    );
    const problems: any[] = await this.ds.query(
      `SELECT id, status FROM problems WHERE credit_code = $1 AND lifecycle_no = $2`,
      [creditCode, enterprise.lifecycle_no],
    );
    return {
      lifecycleNo: enterprise.lifecycle_no,
      projectionSeq: enterprise.projection_seq,
      stage: enterprise.stage,
      tasks: tasks.map((t): InboxTask => ({
        id: t.id,
        status: t.status,
        outcome: t.outcome,
        data: t.data,
        completedBy: t.completed_by,
        completedAt: t.completed_at ? new Date(t.completed_at).toISOString() : null,
        idempotencyKey: t.idempotency_key,
        assignee: t.assignee,
      })),
      problems: problems.map((p) => `${p.id}:${p.status}`),
    };
  }

  /**
   * Makes the read model of the view's lifecycle equal to the view, in one transaction: tasks the
   * workflow never opened are voided (kept, marked `result.repair`, so the record of what the inbox
   * showed stays), tasks it still has open are reopened or inserted, holders follow the workflow,
   * the ledger and the enterprise row are the workflow's. One audit event says what changed.
   */
  async repair(
    view: LifecycleView,
    diff: ReadModelDiff,
    report: RepairReport,
    withdrawn: ReadonlyMap<string, string> = new Map(),
  ): Promise<void> {
    const workflowId = lifecycleWorkflowId(view.creditCode);
    const at = new Date().toISOString();
    await this.ds.transaction(async (m) => {
      // The enterprise row first, as a projection takes it: a transition projected since the
      // comparison makes its diff stale (it would void what that transition opened and count the
      // transition as lost), so the repair gives way and the suspect is compared again.
      const [row] = await m.query(
        `SELECT projection_seq FROM enterprises WHERE credit_code = $1 AND lifecycle_no = $2 FOR UPDATE`,
        [view.creditCode, view.lifecycleNo],
      );
      if (!row || row.projection_seq !== diff.inboxSeq) throw new InboxMovedOn(view.creditCode);
      if (diff.orphans.length) {
        await m.query(
          `UPDATE tasks SET status = 'cancelled', completed_at = now(),
             result = '{"repair": "opened by a transition the workflow does not have"}'::jsonb
           WHERE id = ANY($1::uuid[]) AND status = 'open'`,
          [diff.orphans],
        );
      }
      const open = new Map(view.openTasks.map((t) => [t.id, t]));
      for (const t of diff.reopen) {
        await m.query(
          `UPDATE tasks SET status = 'open', ${NOT_DONE_COLUMNS}, data = NULL, withdrawn = NULL, assignee = $2
           WHERE id = $1 AND status <> 'open'`,
          [t.id, open.get(t.id)?.assignee ?? null],
        );
      }
      for (const { id, assignee } of diff.reassign) {
        await m.query(`UPDATE tasks SET assignee = $2 WHERE id = $1 AND status = 'open'`, [id, assignee]);
      }
      if (view.context) {
        const delta: ProjectionDelta = {
          workflowId,
          creditCode: view.creditCode,
          lifecycleNo: view.lifecycleNo,
          seq: view.transitions,
          stage: view.stage,
          stateValue: view.stateValue,
          context: view.context,
          changes: {
            enterprise: false,
            lifecycle: false,
            servedBy: false,
            problems: diff.problemsDiffer ? view.context.problems.map((p) => p.id) : [],
            quarterlyReports: [],
            membership: false,
          },
          opened: diff.missing,
          closed: [],
          assigned: [],
          at,
        };
        await writeWith(m, [writeTasks], delta, { auditChain: this.auditChain });
        if (diff.problemsDiffer) {
          await m.query(
            `DELETE FROM problems WHERE credit_code = $1 AND lifecycle_no = $2 AND NOT (id = ANY($3::uuid[]))`,
            [view.creditCode, view.lifecycleNo, view.context.problems.map((p) => p.id)],
          );
          await writeWith(m, [writeProblems], delta, { auditChain: this.auditChain });
        }
      }
      // 撤回: a task the workflow holds open after a withdrawal starts from the withdrawn completion
      // again, as its projection had it (writeApprovalActions): the data the workflow keeps as its
      // draft, the outcome from the workflow's history (`withdrawn`, LifecycleClient.withdrawnOutcomes).
      for (const id of [...diff.reopen.map((t) => t.id), ...diff.missing.map((t) => t.id)]) {
        const draft = open.get(id)?.draft;
        if (!draft) continue;
        const outcome = withdrawn.get(id);
        await m.query(`UPDATE tasks SET data = $2, withdrawn = $3 WHERE id = $1 AND status = 'open'`, [
          id,
          JSON.stringify(draft),
          outcome ? JSON.stringify({ outcome }) : null,
        ]);
      }
      await m.query(
        `UPDATE enterprises SET stage = $2, state_value = $3, projection_seq = $4
         WHERE credit_code = $1 AND lifecycle_no = $5`,
        [view.creditCode, view.stage, JSON.stringify(view.stateValue), view.transitions, view.lifecycleNo],
      );
      // Transitions logged past the workflow's count were projected by workflow tasks that were lost.
      const voidedTransitions: { seq: number; dedupKey: string }[] = (
        await m.query(
          `SELECT (data->>'seq')::int AS seq, dedup_key FROM audit_events
           WHERE action = 'workflow.transition' AND credit_code = $1 AND data->>'workflowId' = $2
             AND (data->>'lifecycleNo')::int = $3 AND (data->>'seq')::int > $4 ORDER BY seq`,
          [view.creditCode, workflowId, view.lifecycleNo, view.transitions],
        )
      ).map((r: { seq: number; dedup_key: string }) => ({ seq: r.seq, dedupKey: r.dedup_key }));
      await appendAuditEvent(m, this.auditChain, {
        actor: 'system',
        action: 'readmodel.repaired',
        creditCode: view.creditCode,
        data: {
          workflowId,
          lifecycleNo: view.lifecycleNo,
          transitions: view.transitions,
          stage: view.stage,
          voided: diff.orphans,
          reopened: diff.reopen.map((t) => ({ id: t.id, completedBy: t.completedBy })),
          inserted: diff.missing.map((t) => t.id),
          reassigned: diff.reassign,
          ledgerRewritten: diff.problemsDiffer,
          voidedTransitions,
          ...report,
        },
      });
    });
  }

  /** Audits completions the repair re-sent and the workflow applied (nothing else to change). */
  async recordResent(creditCode: string, report: RepairReport): Promise<void> {
    await this.ds.transaction((m) =>
      appendAuditEvent(m, this.auditChain, {
        actor: 'system',
        action: 'readmodel.completion_resent',
        creditCode,
        data: { workflowId: lifecycleWorkflowId(creditCode), ...report },
      }),
    );
  }
}
