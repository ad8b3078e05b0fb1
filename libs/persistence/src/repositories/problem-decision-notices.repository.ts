import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  noticeRecipients,
  OwnerDepartment,
  ProblemDecision,
  problemDecisionAudience,
  problemDecisionText,
  Text,
  visibleStep,
  whistleAnsweredText,
  whistleAnswerAudience,
} from '@hardtech/domain';
import { noticePeople, sweepOutbox, tellPeople } from './personal-notices';

interface QueuedDecision {
  taskId: string;
  problemId: string;
  decision: Omit<ProblemDecision, 'opinion' | 'taskType'> & { taskType: QueuedType };
  /** The step's data: a decision's `opinion`, an answer's `response` and `resolved`. */
  data: Record<string, unknown>;
  creditCode: string;
  workerGroups: string[];
  /** The coordinator who decided: told nothing they do not know. */
  decidedBy: string | null;
  /** A WHISTLE_RESPONSE's problem's owner department, which answered. */
  ownerDepartment: OwnerDepartment;
}

type QueuedType = ProblemDecision['taskType'] | 'WHISTLE_RESPONSE';

/**
 * The decision notice outbox (docs/design.md 3.3): the projection queues each PROBLEM_CLOSE and
 * PROBLEM_EXTENSION done; `sweep` tells the problem's workers (the owner department's officers and
 * the service commissioner, the requester among them) and, of a 销号 or more time, the enterprise's
 * users: one `problem_decided` notification per person, about the problem (no task: the decided one
 * asks nothing of them), with a delivery per channel they chose. Each reads the coordinator's
 * opinion only as far as visibleStep lets them: an enterprise never, nor who decided. A WHISTLE_RESPONSE
 * queued here tells the enterprise's users (`whistle_answered`) the department's reply, by department.
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
         t.data, t.credit_code, t.enterprise_name, t.completed_by, p.owner_department
       FROM problem_decision_outbox o JOIN tasks t ON t.id = o.task_id JOIN problems p ON p.id = o.problem_id
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
      data: r.data ?? {},
      creditCode: r.credit_code,
      workerGroups: r.worker_groups,
      decidedBy: r.completed_by,
      ownerDepartment: r.owner_department,
    };
  }

  private async tell(m: EntityManager, q: QueuedDecision): Promise<void> {
    const answer = q.decision.taskType === 'WHISTLE_RESPONSE';
    const kind = answer ? 'whistle_answered' : 'problem_decided';
    const to = {
      assignee: null,
      candidateGroups: answer
        ? whistleAnswerAudience(q.creditCode)
        : problemDecisionAudience(q.decision, q.workerGroups, q.creditCode),
    };
    const people = await noticePeople(m, to);
    const at = new Date().toISOString();
    const notices = [];
    for (const username of noticeRecipients(
      to,
      people.map((p) => p.actor),
    )) {
      if (username === q.decidedBy) continue;
      const person = people.find((p) => p.actor.username === username)!;
      const seen = visibleStep(person.actor.role, {
        taskType: q.decision.taskType,
        outcome: q.decision.outcome,
        data: q.data,
        actor: q.decidedBy,
      });
      const text = noticeText(q, seen.data);
      if (!text) continue;
      notices.push({
        notice: {
          id: `${kind}:${q.taskId}:${username}`,
          kind,
          username,
          taskId: null,
          taskType: null,
          creditCode: q.creditCode,
          enterpriseName: q.decision.enterpriseName,
          dueAt: null,
          at,
          data: { text, problemId: q.problemId },
        },
        channels: person.channels,
      });
    }
    await tellPeople(m, notices);
  }
}

/** What one person is told, from the step's data as they may read it (null: nothing for them). */
function noticeText(q: QueuedDecision, data: Record<string, unknown>): Text | null {
  const { decision } = q;
  if (decision.taskType === 'WHISTLE_RESPONSE') {
    if (typeof data.response !== 'string') return null;
    return whistleAnsweredText({
      enterpriseName: decision.enterpriseName,
      title: decision.title,
      department: q.ownerDepartment,
      response: data.response,
      resolved: data.resolved === true,
    });
  }
  const opinion = typeof data.opinion === 'string' && data.opinion ? data.opinion : null;
  return problemDecisionText({ ...decision, taskType: decision.taskType, opinion });
}
