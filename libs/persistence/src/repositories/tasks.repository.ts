import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  Countersign,
  ENTERPRISE_TASK_TYPES,
  LEDGER_TASK_TYPES,
  LedgerTaskRow,
  onBehalfLabel,
  readerOf,
  RETURNED_OUTCOME,
  TaskDepartment,
  TaskType,
} from '@hardtech/domain';
import { TaskCommentEntity, TaskEntity, TaskStatus } from '../entities';
import { AccessService } from '../access/access.service';
import { displayNameOf } from './display-name';
import { OVERDUE_TASK } from './lifecycle-running';
import { QueryTexts } from './query-texts';

/** The columns of a list item (apps/api taskItem): what the inbox reads of each task. */
const LIST_COLUMNS = [
  'id',
  'sheetYear',
  'sheetNo',
  'type',
  'creditCode',
  'enterpriseName',
  'stage',
  'candidateGroups',
  'assignee',
  'status',
  'outcome',
  'completedBy',
  'completedAt',
  'quarter',
  'district',
  'cluster',
  'policyVersion',
  'createdAt',
  'dueAt',
  'provisional',
  'urgedAt',
  'onBehalfOf',
  'delegationReason',
  'returned',
  'countersigns',
] as const satisfies readonly (keyof TaskEntity)[];

/** A task as a list shows it. */
export type TaskListColumns = Pick<TaskEntity, (typeof LIST_COLUMNS)[number]>;

/**
 * A list's row, with its 抄送 mark (copied to the caller), who holds it, by name, and for a task
 * about one ledger problem (PROBLEM_CLOSE, PROBLEM_EXTENSION, WHISTLE_RESPONSE, a COUNTERSIGN on
 * one of those) the problem's title.
 */
export type TaskListRow = TaskListColumns & {
  copied: boolean;
  /** 抄送: who copied it to the reader, by name (王五（代 张三） for a proxy); null when not copied to them. */
  copiedByName: string | null;
  assigneeName: string | null;
  /** Who completed it, by name: shown only where `completedBy` survives the reader's redaction. */
  completedByName: string | null;
  problemTitle: string | null;
  /** 催办: the reader's own last urge of the task (ISO), null when they never urged it. */
  myLastUrge: string | null;
};

/** SQL for the last urge of a row's task by `:urger` (task_urges' key serves it). */
const MY_LAST_URGE = `(SELECT max(u.urged_at) FROM task_urges u WHERE u.task_id = t.id AND u.urged_by = :urger)`;

const isoOrNull = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/** SQL for the title of the problem of id `problemId` (a ledger task's problem_id). */
const problemTitleOf = (problemId: string) => `(SELECT pr.title FROM problems pr WHERE pr.id = ${problemId})`;

/**
 * SQL for the title of the problem a row is about: the one a ledger decision decides or a whistle
 * response answers (the task's problem_id, kept as it was when opened: a later whistle on the
 * problem leaves a done 部门报到 naming it), and for a COUNTERSIGN the one of the task it was asked
 * on. Other rows read no problem, so a page stays one statement at the cost of one lookup per such row.
 */
const PROBLEM_TITLE = `CASE
  WHEN t.type = ANY(:ledgerTypes::text[]) THEN ${problemTitleOf('t.problem_id')}
  WHEN t.type = 'COUNTERSIGN' THEN (
    SELECT ${problemTitleOf('asked.problem_id')}
    FROM tasks asked WHERE asked.id = t.parent_task_id
      AND asked.type = ANY(:ledgerTypes::text[])
  )
END`;
const PROBLEM_TITLE_PARAMS = { ledgerTypes: LEDGER_TASK_TYPES };

/**
 * SQL for who copied a row to the reader (:copiedTo) and for whom, by name, or null: the 抄送 mark
 * and its byline in one lookup of the copy's key per row.
 */
const COPIER = `(SELECT json_build_object('by', ${displayNameOf('tc.copied_by')}, 'for', ${displayNameOf(
  'tc.copied_on_behalf_of',
)}) FROM task_copies tc WHERE tc.task_id = t.id AND tc.username = :copiedTo)`;

/** 委托代理: a copy by a proxy is named as the history names it, 王五（代 张三）. */
const copierName = (by: string, onBehalfOf: string | null) => onBehalfLabel(by, onBehalfOf).zh;

/**
 * SQL for who completed a row, by name, for this reader: an enterprise knows only who did its own
 * steps (visibleStep), so the name of an officer is not looked up only to be redacted.
 */
function completedByNameFor(actor: Actor): { sql: string; params: Record<string, unknown> } {
  const name = displayNameOf('t.completed_by');
  if (readerOf(actor.role) !== 'enterprise') return { sql: name, params: {} };
  return {
    sql: `CASE WHEN t.type = ANY(:ownStepTypes::text[]) THEN ${name} END`,
    params: { ownStepTypes: ENTERPRISE_TASK_TYPES },
  };
}

/** 抄送: one person a task was copied to. */
export interface TaskCopy {
  username: string;
  displayName: string;
  copiedBy: string;
  /** 委托代理: the principal a proxy copied it for. */
  copiedOnBehalfOf: string | null;
  /** Who copied it, by name: 王五（代 张三） for a proxy. */
  copiedByName: string;
  copiedAt: Date;
  note: string | null;
}

export interface TaskFilter {
  /**
   * inbox: what the caller can act on; mine: assigned to the caller (and, 委托代理, the personal
   * tasks of those the caller stands in for); all: everything in scope; cc: copied to the caller.
   */
  view: 'inbox' | 'mine' | 'all' | 'cc';
  candidateGroup?: string;
  type?: TaskType;
  status: TaskStatus;
  creditCode?: string;
  district?: string;
  /** The party the task waits on (taskDepartment), the overdue statistics' grouping. */
  department?: TaskDepartment;
  cluster?: string;
  dueBefore?: Date;
  overdue?: boolean;
  sort: 'dueAt' | '-dueAt' | 'createdAt' | '-createdAt';
  page: number;
  pageSize: number;
}

/** The filter's fields whose value is in a list's SQL text; of the others only whether they are set is. */
const LIST_TEXT_FIELDS = new Set<string>(['view', 'status', 'sort', 'page', 'pageSize']);

/** What a list's SQL text depends on besides its parameters' values (QueryTexts). */
function listTextKey(actor: Actor, f: TaskFilter): string {
  const shape = Object.entries(f).map(([k, v]) => (LIST_TEXT_FIELDS.has(k) ? `${k}=${v}` : `${k}:${!!v}`));
  return `${actor.role}|${shape.join('|')}`;
}

/** GET /api/tasks/counts: open tasks per inbox view; null for a view the role does not count. */
export interface TaskCounts {
  inbox: number | null;
  mine: number | null;
  all: number | null;
  /** Past due among the inbox (among all, for a watcher). */
  overdue: number;
}

@Injectable()
export class TasksRepository {
  /** The SQL of a task by id and of list pages, per role and filters (issue 21: the API's CPU). */
  private readonly texts = new QueryTexts();

  constructor(
    @InjectRepository(TaskEntity) private readonly repo: Repository<TaskEntity>,
    @InjectRepository(TaskCommentEntity) private readonly comments: Repository<TaskCommentEntity>,
    private readonly access: AccessService,
  ) {}

  /** The tasks the caller may see. */
  private scoped(actor: Actor): SelectQueryBuilder<TaskEntity> {
    const visible = this.access.visibleTaskRows(actor, 't');
    return this.repo.createQueryBuilder('t').where(visible.sql, visible.params);
  }

  /** The task if the caller may see it; null otherwise (404 either way). */
  findVisible(actor: Actor, id: string): Promise<TaskEntity | null> {
    return this.texts
      .reuse(`visible|${actor.role}`, this.scoped(actor).andWhere('t.id = :id', { id }))
      .getOne();
  }

  /**
   * A page of a list, with the columns a list item shows (not the forms' jsonb: data, details,
   * result) and the 抄送 mark in the same statement. The count is a second statement only when the
   * page is full: a shorter first page counts itself.
   */
  async list(actor: Actor, f: TaskFilter): Promise<{ items: TaskListRow[]; total: number }> {
    const qb = this.listed(actor, f);
    const copied = this.access.copiedTasks(actor, 't');
    const [column, order] = f.sort.startsWith('-')
      ? [f.sort.slice(1), 'DESC' as const]
      : [f.sort, 'ASC' as const];
    const offset = (f.page - 1) * f.pageSize;
    const completedByName = completedByNameFor(actor);
    qb.select(LIST_COLUMNS.map((c) => `t.${c}`))
      .addSelect(COPIER, 'copier')
      .addSelect(displayNameOf('t.assignee'), 'assigneeName')
      .addSelect(completedByName.sql, 'completedByName')
      .addSelect(PROBLEM_TITLE, 'problemTitle')
      .addSelect(MY_LAST_URGE, 'myLastUrge')
      .setParameters({
        ...copied.params,
        ...completedByName.params,
        ...PROBLEM_TITLE_PARAMS,
        urger: actor.username,
      })
      .orderBy(column === 'dueAt' ? 't.dueAt' : 't.createdAt', order)
      .addOrderBy('t.id', 'ASC')
      .offset(offset)
      .limit(f.pageSize);
    const { entities, raw } = await this.texts.reuse(`list|${listTextKey(actor, f)}`, qb).getRawAndEntities<{
      copier: { by: string; for: string | null } | null;
      assigneeName: string | null;
      completedByName: string | null;
      problemTitle: string | null;
      myLastUrge: Date | string | null;
    }>();
    // Without a join TypeORM maps raw row i to entity i.
    const items = entities.map((task, i) => ({
      ...task,
      copied: raw[i].copier !== null,
      copiedByName: raw[i].copier && copierName(raw[i].copier.by, raw[i].copier.for),
      assigneeName: raw[i].assigneeName,
      completedByName: raw[i].completedByName,
      problemTitle: raw[i].problemTitle,
      myLastUrge: isoOrNull(raw[i].myLastUrge),
    }));
    const lastPage = items.length < f.pageSize && (items.length > 0 || offset === 0);
    return { items, total: lastPage ? offset + items.length : await qb.getCount() };
  }

  /**
   * The inbox's totals in one statement, each the `total` of GET /api/tasks for its view of the open
   * tasks (the same predicates as `listed`). A desk (a role that does tasks) counts its inbox, mine
   * and the overdue among its inbox, and reads only its own tasks (the arms are index conditions);
   * a watcher (`watcher`: listsAllTasks) does none, and counts all in its scope and the overdue among
   * them. What a role does not count is null.
   */
  async counts(actor: Actor, watcher: boolean): Promise<TaskCounts> {
    const visible = this.access.visibleTaskRows(actor, 't');
    const mine = this.mine(actor);
    const params: Record<string, unknown> = { ...visible.params, ...mine.params };
    let select: string;
    let where: string;
    if (watcher) {
      select = `NULL AS inbox, NULL AS mine, count(*) AS "all",
        count(*) FILTER (WHERE ${OVERDUE_TASK}) AS overdue`;
      where = visible.sql;
    } else {
      const inbox = this.access.inboxTasks(actor, 't');
      Object.assign(params, inbox.params);
      select = `count(*) FILTER (WHERE ${inbox.sql}) AS inbox,
        count(*) FILTER (WHERE ${mine.sql} AND ${visible.sql}) AS mine, NULL AS "all",
        count(*) FILTER (WHERE ${inbox.sql} AND ${OVERDUE_TASK}) AS overdue`;
      where = `(${inbox.sql} OR ${mine.sql})`;
    }
    const [row] = await this.repo
      .createQueryBuilder('t')
      .select(select)
      .where(`t.status = 'open'`)
      .andWhere(where)
      .setParameters(params)
      .getRawMany<Record<keyof TaskCounts, string | null>>();
    const n = (v: string | null) => (v === null ? null : Number(v));
    return { inbox: n(row.inbox), mine: n(row.mine), all: n(row.all), overdue: n(row.overdue)! };
  }

  /**
   * 我的: what I hold, what I did (it stays in my lists once done, also when I completed it
   * unclaimed), and what I hold for a principal (委托代理): the list's view and its count alike.
   */
  private mine(actor: Actor): { sql: string; params: Record<string, unknown> } {
    return {
      sql: `(t.assignee = :me OR t.completed_by = :me OR ${this.access.proxiedTasks('t')})`,
      params: { me: actor.username, actorUsername: actor.username },
    };
  }

  /** The list's rows, before the page: its view within the caller's scope, and its filters. */
  private listed(actor: Actor, f: TaskFilter): SelectQueryBuilder<TaskEntity> {
    let qb: SelectQueryBuilder<TaskEntity>;
    // What I did stays in my lists after it is done, also when I completed it unclaimed.
    if (f.view === 'inbox') {
      const inbox = this.access.inboxTasks(actor, 't');
      qb = this.repo.createQueryBuilder('t').where(inbox.sql, inbox.params);
    } else {
      qb = this.scoped(actor);
    }
    if (f.view === 'mine') {
      const mine = this.mine(actor);
      qb.andWhere(mine.sql, mine.params);
    } else if (f.view === 'cc') {
      const copied = this.access.copiedTasks(actor, 't');
      qb.andWhere(copied.sql, copied.params);
    }
    // 已办 holds the steps sent back (退回) with those done: sending back is how the officer handled it.
    if (f.status === 'done') {
      qb.andWhere(`(t.status = 'done' OR (t.status = 'cancelled' AND t.outcome = :returned))`, {
        returned: RETURNED_OUTCOME,
      });
    } else if (f.status === 'cancelled') {
      qb.andWhere(`t.status = 'cancelled' AND t.outcome IS DISTINCT FROM :returned`, {
        returned: RETURNED_OUTCOME,
      });
    } else {
      qb.andWhere('t.status = :status', { status: f.status });
    }
    if (f.candidateGroup) qb.andWhere(':group = ANY(t.candidate_groups)', { group: f.candidateGroup });
    if (f.type) qb.andWhere('t.type = :type', { type: f.type });
    if (f.creditCode) qb.andWhere('t.credit_code = :creditCode', { creditCode: f.creditCode });
    if (f.district) qb.andWhere('t.district = :district', { district: f.district });
    if (f.department) qb.andWhere('t.department = :department', { department: f.department });
    if (f.cluster) qb.andWhere('t.cluster = :cluster', { cluster: f.cluster });
    if (f.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: f.dueBefore });
    if (f.overdue) qb.andWhere(OVERDUE_TASK);
    return qb;
  }

  /** The enterprise's open tasks that the caller may see (an enterprise sees only its own). */
  openVisibleOf(actor: Actor, creditCode: string): Promise<TaskEntity[]> {
    return this.scoped(actor)
      .andWhere('t.credit_code = :creditCode', { creditCode })
      .andWhere(`t.status = 'open'`)
      .orderBy('t.createdAt', 'ASC')
      .getMany();
  }

  /** The open tasks of these enterprises the caller may see, due first (the enterprise list's step). */
  openVisibleOfMany(actor: Actor, creditCodes: string[]): Promise<TaskEntity[]> {
    if (!creditCodes.length) return Promise.resolve([]);
    return this.scoped(actor)
      .andWhere('t.credit_code = ANY(:creditCodes)', { creditCodes })
      .andWhere(`t.status = 'open'`)
      .orderBy('t.dueAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  /**
   * The open tasks the person can act on that are due before `before`, soonest first: the
   * working-day digest's list. Read-only roles act on none, so they get no digest of tasks.
   */
  dueFor(actor: Actor, before: Date, limit: number): Promise<TaskEntity[]> {
    const act = this.access.actionableTasks(actor, 't');
    return this.repo
      .createQueryBuilder('t')
      .where(act.sql, act.params)
      .andWhere(`t.status = 'open'`)
      .andWhere('t.due_at < :before', { before })
      .orderBy('t.dueAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Unscoped: the open tasks a user holds (to release them when the user's role or scope changes). */
  openAssignedTo(username: string): Promise<TaskEntity[]> {
    return this.repo.find({ where: { assignee: username, status: 'open' }, order: { createdAt: 'ASC' } });
  }

  /** Unscoped: for the system's own use (the demo seed). */
  openOf(creditCode: string): Promise<TaskEntity[]> {
    return this.repo.find({ where: { creditCode, status: 'open' }, order: { createdAt: 'ASC' } });
  }

  /**
   * Unscoped, for the demo seed only: an open task's creation and deadlines moved `ms` back, so the
   * demo has overdue work. The workflow's own timers are not moved.
   */
  async backdate(taskId: string, ms: number): Promise<void> {
    await this.repo.query(
      `UPDATE tasks SET created_at = created_at - shift, due_at = due_at - shift,
         remind_at = remind_at - shift, escalate_at = escalate_at - shift
       FROM (SELECT $2::bigint * interval '1 millisecond' AS shift) s
       WHERE id = $1 AND status = 'open'`,
      [taskId, ms],
    );
  }

  /**
   * The lifecycle's steps, oldest first: its completed tasks and those sent back (退回: cancelled
   * with the outcome `returned`, the reason and who sent it back). The caller checks the scope.
   */
  stepsOf(creditCode: string, lifecycleNo: number): Promise<TaskEntity[]> {
    return this.repo.find({
      where: [
        { creditCode, lifecycleNo, status: 'done' },
        { creditCode, lifecycleNo, status: 'cancelled', outcome: RETURNED_OUTCOME },
      ],
      order: { completedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The enterprise's ledger tasks of every lifecycle (LEDGER_TASK_TYPES and the 加签 asked on them)
   * with the problem each is about, as the ledger scope reads them (visibility/ledger-scope.ts).
   */
  async ledgerTasksOf(creditCode: string): Promise<LedgerTaskRow[]> {
    const rows: LedgerTaskRow[] = await this.repo.query(
      `SELECT t.id, t.type, t.problem_id AS "problemId", t.parent_task_id AS "parentTaskId",
              t.candidate_groups AS "candidateGroups"
         FROM tasks t
        WHERE t.credit_code = $1
          AND (t.type = ANY($2::text[]) OR (t.type = 'COUNTERSIGN' AND EXISTS (
            SELECT 1 FROM tasks asked WHERE asked.id = t.parent_task_id AND asked.type = ANY($2::text[]))))`,
      [creditCode, LEDGER_TASK_TYPES],
    );
    return rows;
  }

  /** 催办: `username`'s last urge of the task (ISO), null when they never urged it. */
  async lastUrgeBy(taskId: string, username: string): Promise<string | null> {
    const [row]: { at: Date | null }[] = await this.repo.query(
      `SELECT max(urged_at) AS at FROM task_urges WHERE task_id = $1 AND urged_by = $2`,
      [taskId, username],
    );
    return isoOrNull(row?.at ?? null);
  }

  /** 抄送: to whom the task was copied, by whom (for whom, a proxy's), by name, oldest first. */
  async copiesOf(taskId: string): Promise<TaskCopy[]> {
    const rows: (Omit<TaskCopy, 'copiedByName'> & { byName: string; forName: string | null })[] =
      await this.repo.query(
        `SELECT username, ${displayNameOf('c.username')} AS "displayName", copied_by AS "copiedBy",
           copied_on_behalf_of AS "copiedOnBehalfOf", ${displayNameOf('c.copied_by')} AS "byName",
           ${displayNameOf('c.copied_on_behalf_of')} AS "forName", copied_at AS "copiedAt", note
         FROM task_copies c WHERE task_id = $1 ORDER BY copied_at, username`,
        [taskId],
      );
    return rows.map(({ byName, forName, ...copy }) => ({
      ...copy,
      copiedByName: copierName(byName, forName),
    }));
  }

  /** The 加签 round a COUNTERSIGN task answers, from the task it was asked on (who asked, for whom). */
  async countersignRound(of: { taskId: string; countersignId: string }): Promise<Countersign | null> {
    const task = await this.repo.findOne({
      where: { id: of.taskId },
      select: { id: true, countersigns: true },
    });
    return task?.countersigns?.find((round) => round.id === of.countersignId) ?? null;
  }

  commentsOf(taskId: string): Promise<TaskCommentEntity[]> {
    return this.comments.find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }

  addComment(taskId: string, author: string, text: string): Promise<TaskCommentEntity> {
    return this.comments.save(this.comments.create({ taskId, author, text }));
  }
}
