import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { shanghaiDate, taskDepartment } from '@hardtech/domain';
import { ProjectionDelta, ProjectionReceipt, projectionReceipt } from '@hardtech/temporal/lifecycle.contract';
import { appendAuditEvent } from './audit.repository';

/**
 * Applies a workflow transition to the read model in one transaction. Every statement is
 * idempotent (keyed by task, problem and quarter), because activities are retried; the
 * enterprise row only moves forward by (lifecycle, seq).
 */
@Injectable()
export class ProjectionRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Applies the transition and logs it in the audit trail, in one transaction; answers the receipt. */
  async apply(delta: ProjectionDelta): Promise<ProjectionReceipt> {
    const receipt = projectionReceipt(delta);
    await this.ds.transaction(async (m) => {
      await this.applyIn(m, delta);
      // Last, so the audit chain's lock is held only until the commit that follows. Keyed by the
      // transition: a retried projection (the activity ran, its answer was lost) appends nothing.
      await appendAuditEvent(m, {
        actor: delta.actor ?? 'system',
        action: 'workflow.transition',
        creditCode: delta.creditCode,
        taskId: delta.closed.find((c) => c.status === 'done')?.id ?? delta.assigned[0]?.id ?? null,
        data: {
          ...receipt,
          workflowId: delta.workflowId,
          closed: delta.closed.map((c) => ({ ...receipt.closed.find((r) => r.id === c.id), data: c.data })),
        },
        dedupKey: `transition:${delta.workflowId}:${delta.lifecycleNo}:${delta.seq}`,
      });
    });
    return receipt;
  }

  private async applyIn(m: EntityManager, delta: ProjectionDelta): Promise<void> {
    const ctx = delta.context;
    const n = ctx.nomination;
    const a = ctx.admission;
    await m.query(
      `INSERT INTO enterprises (credit_code, name, district, cluster, stage, state_value, workflow_id, lifecycle_no,
         projection_seq, policy_version, nomination, screening, nominated_by, lead_cluster, commissioner,
         district_liaison, baseline_revenue, diagnosis, closing, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19, now())
       ON CONFLICT (credit_code) DO UPDATE SET
         name = EXCLUDED.name, district = EXCLUDED.district, cluster = EXCLUDED.cluster, stage = EXCLUDED.stage,
         state_value = EXCLUDED.state_value, workflow_id = EXCLUDED.workflow_id, lifecycle_no = EXCLUDED.lifecycle_no,
         projection_seq = EXCLUDED.projection_seq, policy_version = EXCLUDED.policy_version,
         nomination = EXCLUDED.nomination, screening = EXCLUDED.screening, nominated_by = EXCLUDED.nominated_by,
         lead_cluster = EXCLUDED.lead_cluster, commissioner = EXCLUDED.commissioner,
         district_liaison = EXCLUDED.district_liaison, baseline_revenue = EXCLUDED.baseline_revenue,
         diagnosis = EXCLUDED.diagnosis, closing = EXCLUDED.closing, updated_at = now()
       WHERE (enterprises.lifecycle_no, enterprises.projection_seq) < (EXCLUDED.lifecycle_no, EXCLUDED.projection_seq)`,
      [
        delta.creditCode,
        n.name,
        n.district,
        n.cluster,
        delta.stage,
        JSON.stringify(delta.stateValue),
        delta.workflowId,
        delta.lifecycleNo,
        delta.seq,
        ctx.screening?.policyVersion ?? null,
        JSON.stringify(ctx.nomination),
        JSON.stringify(ctx.screening),
        ctx.nominatedBy,
        a?.leadCluster ?? null,
        a?.commissioner ?? null,
        a?.districtLiaison ?? null,
        a?.baselineRevenue ?? null,
        JSON.stringify(ctx.diagnosis),
        JSON.stringify(ctx.closing),
      ],
    );

    const final = ['graduated', 'exited', 'rejected'].includes(delta.stage);
    const [lifecycle] = await m.query(
      `INSERT INTO lifecycles (credit_code, lifecycle_no, workflow_id, name, nominated_by, started_at, ended_at, final_stage, reason)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (credit_code, lifecycle_no) DO UPDATE SET name = EXCLUDED.name,
         ended_at = COALESCE(lifecycles.ended_at, EXCLUDED.ended_at),
         final_stage = COALESCE(lifecycles.final_stage, EXCLUDED.final_stage),
         reason = COALESCE(lifecycles.reason, EXCLUDED.reason)
       RETURNING (xmax = 0) AS created`,
      [
        delta.creditCode,
        delta.lifecycleNo,
        delta.workflowId,
        n.name,
        ctx.nominatedBy,
        delta.at,
        final ? delta.at : null,
        final ? delta.stage : null,
        final ? (ctx.closing?.reason ?? null) : null,
      ],
    );
    if (lifecycle.created) {
      // The nominator's pending certificates (C3, C5) become the evidence of the lifecycle, in the
      // transaction that records it: no crash between starting the workflow and binding them.
      await m.query(
        `UPDATE attachments SET subject_id = $3
         WHERE credit_code = $1 AND subject = 'nomination' AND subject_id IS NULL AND uploaded_by = $2`,
        [delta.creditCode, ctx.nominatedBy, String(delta.lifecycleNo)],
      );
    }

    for (const task of delta.opened) {
      await m.query(
        `INSERT INTO tasks (id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups,
           assignee, status, quarter, enterprise_name, district, cluster, policy_version, created_at, due_at,
           remind_at, escalate_at, department)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open',$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
         ON CONFLICT (id) DO NOTHING`,
        [
          task.id,
          delta.workflowId,
          delta.creditCode,
          delta.lifecycleNo,
          task.type,
          task.stage,
          task.key,
          task.candidateGroups,
          task.assignee,
          task.quarter ?? null,
          n.name,
          n.district,
          a?.leadCluster ?? n.cluster,
          task.policyVersion,
          task.createdAt,
          task.dueAt,
          task.remindAt ?? null,
          task.escalateAt ?? null,
          taskDepartment(task.type, task.candidateGroups),
        ],
      );
    }
    for (const c of delta.closed) {
      await m.query(
        `UPDATE tasks SET status = $2, outcome = $3, data = $4, completed_by = $5, completed_at = $6,
           idempotency_key = $7, result = $8
         WHERE id = $1 AND status = 'open'`,
        [
          c.id,
          c.status,
          c.outcome,
          JSON.stringify(c.data),
          c.completedBy,
          c.completedAt,
          c.idempotencyKey,
          JSON.stringify(c.result),
        ],
      );
    }
    for (const { id, assignee } of delta.assigned) {
      await m.query(`UPDATE tasks SET assignee = $2 WHERE id = $1 AND status = 'open'`, [id, assignee]);
    }

    // The ledger shows a problem's latest whistle (企业吹哨) and whether it was answered.
    const whistleOf = (problemId: string) =>
      [...(ctx.whistles ?? [])].reverse().find((w) => w.problemId === problemId);
    for (const p of ctx.problems) {
      await m.query(
        `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department,
           due_at, status, special, district, cluster, created_at, updated_at, whistle_status, whistled_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$14,$15,$16)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
           whistle_status = EXCLUDED.whistle_status, whistled_at = EXCLUDED.whistled_at
         WHERE (problems.status, problems.whistle_status) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.whistle_status)`,
        [
          p.id,
          delta.creditCode,
          delta.lifecycleNo,
          p.title,
          p.category,
          p.measures,
          p.target,
          p.ownerDepartment,
          p.dueAt,
          p.status,
          p.special ?? null,
          n.district,
          a?.leadCluster ?? n.cluster,
          delta.at,
          whistleOf(p.id)?.status ?? null,
          whistleOf(p.id)?.at ?? null,
        ],
      );
    }
    for (const r of ctx.quarterlyReports) {
      await m.query(
        `INSERT INTO quarterly_reports (credit_code, lifecycle_no, quarter, revenue, rd_expense, headcount,
           new_class_one_ip, financing, listing_progress, note, submitted_by, submitted_at,
           annualized_revenue, growth_ratio, expected_ratio, on_track)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT DO NOTHING`,
        [
          delta.creditCode,
          delta.lifecycleNo,
          r.quarter,
          r.revenue,
          r.rdExpense,
          r.headcount,
          r.newClassOneIp,
          r.financing,
          r.listingProgress,
          r.note ?? null,
          r.submittedBy,
          r.submittedAt,
          r.progress?.annualizedRevenue ?? null,
          r.progress?.growth ?? null,
          r.progress?.expected ?? null,
          r.progress?.onTrack ?? null,
        ],
      );
    }

    // Membership: opened at admission, closed at graduation or exit (二(六) +3 points ask for it).
    if (a) {
      await m.query(
        `INSERT INTO membership_periods (credit_code, lifecycle_no, from_date) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [delta.creditCode, delta.lifecycleNo, shanghaiDate(a.admittedAt)],
      );
      if (ctx.closing && (delta.stage === 'graduated' || delta.stage === 'exited')) {
        await m.query(
          `UPDATE membership_periods SET to_date = $3, end_reason = $4
           WHERE credit_code = $1 AND lifecycle_no = $2 AND to_date IS NULL`,
          [
            delta.creditCode,
            delta.lifecycleNo,
            shanghaiDate(ctx.closing.at),
            ctx.closing.reason ?? delta.stage,
          ],
        );
      }
    }
  }
}
