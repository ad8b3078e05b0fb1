import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, OverdueCount, TaskType } from '@hardtech/domain';
import { AccessService } from '../access/access.service';
import { displayNameOf } from './display-name';
import { OVERDUE_TASK } from './lifecycle-running';

/** An open task past its due time, as 调度会材料 and the leader's dashboard list it. */
export interface OverdueTaskRow {
  taskId: string;
  creditCode: string;
  enterpriseName: string;
  district: string;
  type: TaskType;
  department: string;
  assignee: string | null;
  assigneeName: string | null;
  dueAt: Date;
}

/** Open, past due and still workable: the one predicate the counts, this list and the inbox's filter share. */
const OVERDUE = OVERDUE_TASK;

/**
 * The inbox's `cluster` filter (TasksRepository.list: the task's cluster, its lead cluster once
 * admitted), so the dashboard's overdue figures of a cluster open the inbox of that cluster.
 */
const inTaskCluster = (cluster?: string) => (cluster ? ' AND t.cluster = :cluster' : '');

/** Open tasks past their due date, counted by department and by district, within scope. */
@Injectable()
export class OverdueRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  async summary(actor: Actor, cluster?: string) {
    const scope = this.access.visibleTasks(actor, 't', 'e');
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT t.department, t.district, count(*)::int AS n
       FROM tasks t JOIN enterprises e ON e.credit_code = t.credit_code
       WHERE ${OVERDUE} AND ${scope.sql}${inTaskCluster(cluster)}
       GROUP BY t.department, t.district`,
      { ...scope.params, ...(cluster ? { cluster } : {}) },
      {},
    );
    return (await this.ds.query(sql, params)) as OverdueCount[];
  }

  /** The tasks behind `summary`'s counts (same scope, same predicate), the longest overdue first. */
  async list(actor: Actor, cluster?: string): Promise<OverdueTaskRow[]> {
    const scope = this.access.visibleTasks(actor, 't', 'e');
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT t.id AS "taskId", t.credit_code AS "creditCode", t.enterprise_name AS "enterpriseName",
         t.district, t.type, t.department, t.assignee,
         CASE WHEN t.assignee IS NULL THEN NULL ELSE ${displayNameOf('t.assignee')} END AS "assigneeName",
         t.due_at AS "dueAt"
       FROM tasks t JOIN enterprises e ON e.credit_code = t.credit_code
       WHERE ${OVERDUE} AND ${scope.sql}${inTaskCluster(cluster)}
       ORDER BY t.due_at, t.enterprise_name, t.id`,
      { ...scope.params, ...(cluster ? { cluster } : {}) },
      {},
    );
    return (await this.ds.query(sql, params)) as OverdueTaskRow[];
  }
}
