import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recipientsAmong, returnedTaskText, TaskType } from '@hardtech/domain';
import { noticePeople, PersonalNotice, tellPeople } from './personal-notices';

interface QueuedTask {
  id: string;
  type: string;
  creditCode: string;
  enterpriseName: string;
  dueAt: Date;
  candidateGroups: string[];
  assignee: string | null;
  status: string;
  /** Why the step was sent back (退回), when it was. */
  returnedReason: string | null;
  /** When the projection queued it, as the task opened: the notice's time. */
  queuedAt: Date;
}

/**
 * The new-task notice outbox (issue 18 §1, docs/design.md 3.3). The projection queues each opened
 * task; `sweep` tells its assignee, else each candidate: one notification per person, addressed to
 * `user:<username>`, with a delivery per channel they chose. The system webhook is not one of them:
 * it follows reminders and escalations, and would get the same task once per candidate.
 */
@Injectable()
export class TaskNoticesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Fans out up to `limit` queued tasks in one transaction that also marks them swept: their people
   * read once, their notices and deliveries written in two statements (issue 21: a task in a
   * transaction of its own cost six statements, the same read of its people each time). A worker
   * killed half-way leaves the batch queued, and the next sweep inserts only what is missing,
   * because (task, person, kind) is unique. Workers share the outbox (SKIP LOCKED).
   * A task done before its turn came is still noticed in the inbox's feed, but sent on no channel:
   * nobody's phone should ring for work already done. Answers how many tasks it swept.
   */
  sweep(limit: number): Promise<number> {
    return this.ds.transaction(async (m) => {
      const tasks = await this.next(m, limit);
      if (!tasks.length) return 0;
      const people = await noticePeople(m, ...tasks);
      const byName = new Map(people.map((p) => [p.actor.username, p]));
      const recipients = recipientsAmong(people.map((p) => p.actor));
      await tellPeople(
        m,
        tasks.flatMap((task) =>
          recipients(task).map((username) => ({
            notice: this.notice(task, username),
            channels: task.status === 'open' ? byName.get(username)!.channels : [],
          })),
        ),
      );
      await m.query(`UPDATE task_notice_outbox SET swept_at = now() WHERE task_id = ANY($1::uuid[])`, [
        tasks.map((t) => t.id),
      ]);
      return tasks.length;
    });
  }

  private async next(m: EntityManager, limit: number): Promise<QueuedTask[]> {
    const rows = await m.query(
      `SELECT t.id, t.type, t.credit_code, t.enterprise_name, t.due_at, t.candidate_groups, t.assignee, t.status,
         t.returned ->> 'reason' AS returned_reason, o.queued_at
       FROM task_notice_outbox o JOIN tasks t ON t.id = o.task_id
       WHERE o.swept_at IS NULL ORDER BY o.queued_at LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
      [limit],
    );
    return rows.map((r: any) => ({
      id: r.id,
      type: r.type,
      creditCode: r.credit_code,
      enterpriseName: r.enterprise_name,
      dueAt: r.due_at,
      candidateGroups: r.candidate_groups,
      assignee: r.assignee,
      status: r.status,
      returnedReason: r.returned_reason,
      queuedAt: r.queued_at,
    }));
  }

  /**
   * A person's notice of the task: 【新待办】, or a step sent back (退回) with why, its text carried.
   * A task's notice is dated when the task opened (queued), not when a sweep came by: a batch is
   * swept in one transaction, and its notices dated alike fell out of order in the feed.
   */
  private notice(task: QueuedTask, username: string): PersonalNotice {
    const data =
      task.returnedReason === null
        ? null
        : {
            text: returnedTaskText(
              task.type as TaskType,
              task.enterpriseName,
              new Date(task.dueAt).toISOString(),
              task.returnedReason,
            ),
          };
    return {
      id: `task_opened:${task.id}:${username}`,
      kind: 'task_opened',
      username,
      taskId: task.id,
      taskType: task.type,
      creditCode: task.creditCode,
      enterpriseName: task.enterpriseName,
      dueAt: task.dueAt,
      at: new Date(task.queuedAt).toISOString(),
      data,
    };
  }
}
