import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  noticeRecipients,
  ProblemDecision,
  problemDecisionAudience,
  problemDecisionText,
  visibleStep,
} from '@hardtech/domain';
import { noticePeople, sweepOutbox, tellPerson } from './personal-notices';

interface QueuedDecision {
  taskId: string;
  problemId: string;
  decision: Omit<ProblemDecision, 'opinion'>;
  opinion: string | null;
  creditCode: string;
  workerGroups: string[];
  /** The coordinator who decided: told nothing they do not know. */
  decidedBy: string | null;
}

/**
 * The decision notice outbox (docs/design.md 3.3): the projection queues each PROBLEM_CLOSE and
 * PROBLEM_EXTENSION done; `sweep` tells the problem's workers (the owner department's officers and
 * the service commissioner, the requester among them) and, of a 销号 or more time, the enterprise's
 * users: one `problem_decided` notification per person, about the problem (no task: the decided one
 * asks nothing of them), with a delivery per channel they chose. Each reads the coordinator's
 * opinion only as far as visibleStep lets them: an enterprise never, nor who decided.
 */
@Injectable()
export class ProblemDecisionNoticesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Fans out up to `limit` queued decisions, each in a transaction of its own that also marks it
   * swept; a person's notice id is `problem_decided:<task>:<username>`, so a sweep run again after
   * its mark was lost adds nothing. Workers share the outbox (SKIP LOCKED). Answers how many it swept.
   */
  sweep(limit: number): Promise<number> {
    return sweepOutbox(this.ds, limit, async (m) => {
      const queued = await this.next(m);
      if (!queued) return false;
      await this.tell(m, queued);
      await m.query(`UPDATE problem_decision_outbox SET swept_at = now() WHERE task_id = $1`, [
        queued.taskId,
      ]);
      return true;
    });
  }

  private async next(m: EntityManager): Promise<QueuedDecision | undefined> {
    const [r] = await m.query(
      `SELECT o.task_id, o.problem_id, o.title, o.due_at, o.worker_groups, t.type, t.outcome,
         t.data ->> 'opinion' AS opinion, t.credit_code, t.enterprise_name, t.completed_by
       FROM problem_decision_outbox o JOIN tasks t ON t.id = o.task_id
       WHERE o.swept_at IS NULL ORDER BY o.queued_at LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
    );
    if (!r) return undefined;
    return {
      taskId: r.task_id,
      problemId: r.problem_id,
      decision: {
        taskType: r.type,
        outcome: r.outcome,
        enterpriseName: r.enterprise_name,
        title: r.title,
        dueAt: r.due_at,
      },
      opinion: r.opinion || null,
      creditCode: r.credit_code,
      workerGroups: r.worker_groups,
      decidedBy: r.completed_by,
    };
  }

  private async tell(m: EntityManager, q: QueuedDecision): Promise<void> {
    const to = {
      assignee: null,
      candidateGroups: problemDecisionAudience(q.decision, q.workerGroups, q.creditCode),
    };
    const people = await noticePeople(m, to);
    const at = new Date().toISOString();
    for (const username of noticeRecipients(
      to,
      people.map((p) => p.actor),
    )) {
      if (username === q.decidedBy) continue;
      const person = people.find((p) => p.actor.username === username)!;
      const seen = visibleStep(person.actor.role, {
        taskType: q.decision.taskType,
        outcome: q.decision.outcome,
        data: { opinion: q.opinion },
        actor: q.decidedBy,
      });
      const opinion = typeof seen.data.opinion === 'string' ? seen.data.opinion : null;
      await tellPerson(
        m,
        {
          id: `problem_decided:${q.taskId}:${username}`,
          kind: 'problem_decided',
          username,
          taskId: null,
          taskType: null,
          creditCode: q.creditCode,
          enterpriseName: q.decision.enterpriseName,
          dueAt: null,
          at,
          data: { text: problemDecisionText({ ...q.decision, opinion }), problemId: q.problemId },
        },
        person.channels,
      );
    }
  }
}
