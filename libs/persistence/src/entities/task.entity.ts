import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Countersign,
  Returned,
  Stage,
  TaskStatus,
  TaskType,
  VisibleTaskDetails,
} from '@hardtech/domain';

export type { TaskStatus };

/** The inbox: one row per human task, projected by the workflow that owns it. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  /**
   * 审批单编号 (approvalSheetNo): the year the task opened (Beijing time) and its serial in that year,
   * both numbered by the database when the task is inserted (migration 1766140000000).
   */
  @Column({ name: 'sheet_no', type: 'bigint', insert: false, update: false }) sheetNo: string;
  @Column({ name: 'sheet_year', type: 'smallint', insert: false, update: false }) sheetYear: number;
  @Column({ name: 'workflow_id', type: 'varchar', length: 64 }) workflowId: string;
  @Column({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode: string;
  @Column({ name: 'lifecycle_no', type: 'integer' }) lifecycleNo: number;
  @Column({ type: 'varchar', length: 32 }) type: TaskType;
  @Column({ type: 'varchar', length: 32 }) stage: Stage;
  @Column({ name: 'state_key', type: 'varchar', length: 128 }) stateKey: string;
  @Column({ name: 'candidate_groups', type: 'text', array: true }) candidateGroups: string[];
  @Column({ type: 'varchar', length: 64, nullable: true }) assignee: string | null;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status: TaskStatus;
  @Column({ type: 'varchar', length: 32, nullable: true }) outcome: string | null;
  @Column({ type: 'jsonb', nullable: true }) data: Record<string, unknown> | null;
  @Column({ name: 'completed_by', type: 'varchar', length: 64, nullable: true }) completedBy: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true }) idempotencyKey:
    string | null;
  @Column({ type: 'jsonb', nullable: true }) result: unknown;
  @Column({ type: 'varchar', length: 8, nullable: true }) quarter: string | null;
  @Column({ name: 'enterprise_name', type: 'varchar', length: 100 }) enterpriseName: string;
  @Column({ type: 'varchar', length: 16 }) district: string;
  @Column({ type: 'varchar', length: 16 }) cluster: string;
  @Column({ name: 'policy_version', type: 'integer' }) policyVersion: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  /** Counted in working days into a calendar year nobody entered yet (issue 19.5). */
  @Column({ type: 'boolean', default: false }) provisional: boolean;
  /** What the form starts from (ANNUAL_UPDATE) or weighs (GRADUATION_REVIEW): TaskDetails. */
  @Column({ type: 'jsonb', nullable: true }) details: VisibleTaskDetails | null;
  /** 催办: the last urge (issue 17.3). */
  @Column({ name: 'urged_at', type: 'timestamptz', nullable: true }) urgedAt: Date | null;
  /** 委托代理: the principal a proxy completed the task for. */
  @Column({ name: 'on_behalf_of', type: 'varchar', length: 64, nullable: true }) onBehalfOf: string | null;
  /** 转办: why the task was last delegated. */
  @Column({ name: 'delegation_reason', type: 'text', nullable: true }) delegationReason: string | null;
  // 退回, 加签 (issue 17)
  @Column({ type: 'jsonb', nullable: true }) returned: Returned | null;
  /** 撤回: the outcome the task had been completed with, while a withdrawal has it open again. */
  @Column({ type: 'jsonb', nullable: true }) withdrawn: { outcome: string | null } | null;
  @Column({ type: 'jsonb', nullable: true }) countersigns: Countersign[] | null;
  @Column({ name: 'countersign_of', type: 'jsonb', nullable: true }) countersignOf: {
    taskId: string;
    countersignId: string;
    mode: string;
    note: string;
  } | null;
  @Column({ name: 'parent_task_id', type: 'uuid', nullable: true }) parentTaskId: string | null;
  /** The ledger problem a PROBLEM_CLOSE, PROBLEM_EXTENSION or WHISTLE_RESPONSE is about (taskProblemId). */
  @Column({ name: 'problem_id', type: 'uuid', nullable: true }) problemId: string | null;
}
