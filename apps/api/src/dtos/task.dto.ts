import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  ATTACHMENT_PURPOSES,
  ATTACHMENT_SUBJECTS,
  OWNER_DEPARTMENTS,
  LEDGER_STATUSES,
  PROBLEM_PLAN_FIELDS,
  PROBLEM_STATUSES,
  ROLES,
  STAGES,
  TASK_DEPARTMENT_LABELS,
  TASK_TYPES,
} from '@hardtech/domain';
import type { ProblemPlanField, Role, Stage, TaskDepartment, TaskType } from '@hardtech/domain';
import {
  ClusterQuery,
  DistrictQuery,
  PageDto,
  PageQueryDto,
  QUERY_BOOLEAN,
  QueryBoolean,
  TextDto,
} from './common.dto';
import { values } from './problem.dto';
import { QuarterlyFiguresDto } from './quarterly-figures.dto';
import { TaskCopyDto } from './urge-cc-proxy.dto';
import { IsInstant } from './validators';
import {
  ApprovalActionsDto,
  CountersignOfDto,
  CountersignViewDto,
  ReturnedDto,
  WithdrawBlockedDto,
  WithdrawnDraftDto,
} from './approval-views.dto';

export const TASK_SORTS = ['dueAt', '-dueAt', 'createdAt', '-createdAt'] as const;
export const TASK_VIEWS = ['inbox', 'mine', 'all', 'cc'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export class TaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUERY_BOOLEAN, description: 'true: only tasks assigned to (or done by) me' })
  @IsOptional()
  @IsIn(QUERY_BOOLEAN)
  mine?: QueryBoolean;

  @ApiPropertyOptional({
    enum: TASK_VIEWS,
    description:
      'inbox (default for officers): what I can do; mine: assigned to me (and the personal tasks of those I stand in for, 委托代理); all: everything in my scope (default for the roles no task is for: auditors, leaders, the audit and system administrators); cc: copied to me (抄送)',
  })
  @IsOptional()
  @IsIn(TASK_VIEWS)
  view?: (typeof TASK_VIEWS)[number];

  @ApiPropertyOptional({ example: 'district_officer:district:500112' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  candidateGroup?: string;

  @ApiPropertyOptional({ enum: TASK_TYPES })
  @IsOptional()
  @IsIn(TASK_TYPES as unknown as string[])
  type?: TaskType;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: (typeof TASK_STATUSES)[number];

  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{18}$/) creditCode?: string;
  @DistrictQuery() district?: string;
  @ApiPropertyOptional({
    enum: Object.keys(TASK_DEPARTMENT_LABELS),
    description:
      'the party the task waits on, as GET /api/tasks/overdue/summary and the dashboard count it by department',
  })
  @IsOptional()
  @IsIn(Object.keys(TASK_DEPARTMENT_LABELS))
  department?: TaskDepartment;
  @ClusterQuery('the task’s enterprise’s cluster, or lead cluster once admitted')
  cluster?: string;
  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'due strictly before: a date (start of that day in Shanghai) or a date-time with offset',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;
  @ApiPropertyOptional({ enum: QUERY_BOOLEAN }) @IsOptional() @IsIn(QUERY_BOOLEAN) overdue?: QueryBoolean;

  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'dueAt', description: '-: descending' })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort?: (typeof TASK_SORTS)[number];
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'pass', description: 'one of the task type’s outcomes (see the task’s form)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  outcome: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'the outcome’s form data (GET /api/tasks/:id → form.outcomes[outcome].fields)',
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class DelegateDto {
  @ApiProperty({ example: 'district-500112-b', description: 'a user who may do the task (see /candidates)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  to: string;

  @ApiPropertyOptional({
    example: '本人出差，转交同事办理',
    maxLength: 500,
    description: '转办 reason, recorded and shown',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CommentDto {
  @ApiProperty({ example: '已电话联系企业核实', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}

// ---- answers ------------------------------------------------------------------------------------

/** A task as the workflow opened it (the `nextTasks` of a completion). */
export class OpenedTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TASK_TYPES }) type: TaskType;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: [String], example: ['city_coordinator'] }) candidateGroups: string[];
  @ApiProperty({ type: String, nullable: true }) assignee: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ description: 'the statechart state the task belongs to' }) key: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026Q3' }) quarter?: string | null;
  @ApiPropertyOptional({ description: 'when the reminder fires (SLA remindBefore)' }) remindAt?: string;
  @ApiPropertyOptional({ description: 'when the task escalates (SLA escalateAfter)' }) escalateAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) remindedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) escalatedAt?: string | null;
  @ApiPropertyOptional({
    type: String,
    enum: ['support'],
    nullable: true,
    description: 'the outcome the policy gives the task if it is not done by its due date (silent district)',
  })
  onDue?: 'support' | null;
}

export class TaskItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2026, description: '审批单编号: the year the task opened (Beijing time)' })
  sheetYear: number;
  @ApiProperty({ example: 128, description: '审批单编号: the task’s serial in its year, from 1 each year' })
  sheetNo: number;
  @ApiProperty({
    example: '渝硬科审〔2026〕128号',
    description: '审批单编号 as the approval sheet prints it and names its file',
  })
  sheetNoText: string;
  @ApiProperty({ enum: TASK_TYPES }) type: TaskType;
  @ApiProperty({ type: TextDto }) label: TextDto;
  @ApiProperty() creditCode: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: [String] }) candidateGroups: string[];
  @ApiProperty({ type: String, nullable: true }) assignee: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({
    description:
      'the due date falls in a year whose holiday schedule is not entered yet (working days, or a calendar-day period whose last day may be a holiday); recomputed when it is',
  })
  provisional: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: String, nullable: true }) quarter: string | null;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) completedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: '委托代理: the principal a proxy did it for' })
  onBehalfOf: string | null;
  @ApiProperty({ type: String, nullable: true, description: '催办: the last urge of an open task' })
  urgedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: '转办: why it was last delegated' })
  delegationReason: string | null;
  @ApiProperty({ type: ReturnedDto, nullable: true, description: '退回: sent back to this step, and why' })
  returned: ReturnedDto | null;
  @ApiProperty({ description: '加签: a countersignature asked on the task still waits for answers' })
  countersignPending: boolean;
}

/** Who holds a task, by name: the inbox's rows, the task page and the enterprise page's open tasks. */
export const AssigneeName = () =>
  ApiProperty({
    type: String,
    nullable: true,
    description: 'who holds it, by name (the username when unknown)',
  });

/** 催办: when the caller may urge again, on the inbox's rows and the task page alike. */
const UrgeableAt = () =>
  ApiProperty({
    type: String,
    nullable: true,
    description:
      '催办: when the caller may urge this open task again — their own last urge plus 4 working hours (09:00–18:00 of working days, the calendar the 429 URGE_TOO_SOON counts on); null when they may urge now, never urged it, or may not urge it at all. Another’s urge holds nobody back.',
  });

export class TaskListItemDto extends TaskItemDto {
  @ApiProperty({ description: '抄送: copied to me' }) copied: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '抄送: who copied it to me, by name (王五（代 张三） for a proxy); null when not copied to me',
  })
  copiedByName: string | null;
  @AssigneeName() assigneeName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'who completed it, by name (null where completedBy is: open, or not the reader’s to know)',
  })
  completedByName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'the title of the ledger problem the task is about: the one a PROBLEM_CLOSE / PROBLEM_EXTENSION decides, a WHISTLE_RESPONSE answers (also once the enterprise whistled on it again), or the task a COUNTERSIGN was asked on is about; null for other tasks',
  })
  problemTitle: string | null;
  @UrgeableAt() urgeableAt: string | null;
}

export class TaskListDto extends PageDto {
  @ApiProperty({ type: [TaskListItemDto] }) items: TaskListItemDto[];
}

/** GET /api/tasks/counts: the inbox's figures, each the `total` GET /api/tasks answers for its view. */
export class TaskCountsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'open tasks of `view=inbox`; null for a role that lists all (it does no task)',
  })
  inbox: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'open tasks of `view=mine`; null for a role that lists all',
  })
  mine: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'open tasks of `view=all`, for a role that lists all (listsAllTasks); null for the others',
  })
  all: number | null;
  @ApiProperty({
    description:
      'open tasks past due (`overdue=true`) among `view=inbox`, or among `view=all` for a role that lists all',
  })
  overdue: number;
}

export class TaskCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() author: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the author’s display name (null: no longer a user)',
  })
  authorName: string | null;
  @ApiProperty({
    type: TextDto,
    nullable: true,
    description: 'the author’s department, as a 审批单 names it',
  })
  authorDepartment: TextDto | null;
  @ApiProperty({ description: 'stored and returned verbatim; render as text, never as HTML' }) text: string;
  @ApiProperty() at: string;
}

export class TaskActionsDto {
  @ApiProperty() complete: boolean;
  @ApiProperty() claim: boolean;
  @ApiProperty() unclaim: boolean;
  @ApiProperty() delegate: boolean;
  @ApiProperty({ description: '催办' }) urge: boolean;
  @ApiProperty({ description: '抄送' }) cc: boolean;
}

export class OutcomeDto {
  @ApiProperty({ example: 'pass' }) outcome: string;
  @ApiProperty({ type: TextDto }) label: TextDto;
}

export class TaskEnterpriseDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: String, nullable: true }) leadCluster: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'C1–C6, S1–S2' })
  screening: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) nomination: unknown;
}

export class CaseTechCenterDto {
  @ApiProperty({ enum: ['enterprise_tech_center', 'innovation_demo', 'none'] }) kind: string;
  @ApiProperty({ type: String, enum: ['municipal', 'national'], nullable: true }) level: string | null;
}

export class CaseAchievementDto {
  @ApiProperty({ enum: ['fill_gap', 'strengthen', 'lengthen'] }) kind: string;
  @ApiProperty() description: string;
}

export class CaseContactDto {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
}

/** The nomination as the lifecycle holds it now (after supplements), with names and assignments. */
export class CaseEnterpriseDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '500112' }) district: string;
  @ApiProperty({ type: String, nullable: true, example: '渝北区' }) districtName: string | null;
  @ApiProperty({ example: 'T2' }) cluster: string;
  @ApiProperty({ type: String, nullable: true }) clusterName: string | null;
  @ApiProperty({ description: 'integer yuan' }) revenuePrevYear: number;
  @ApiProperty({ description: 'integer yuan' }) rdExpensePrevYear: number;
  @ApiProperty({ type: Number, nullable: true, description: 'R&D expense / revenue, e.g. 0.08' })
  rdIntensity: number | null;
  @ApiProperty({ type: CaseTechCenterDto }) techCenter: CaseTechCenterDto;
  @ApiProperty() classOneIpCount: number;
  @ApiProperty() listed: boolean;
  @ApiProperty({ enum: ['none', 'specialized', 'little_giant'] }) srdi: string;
  @ApiProperty() hardTechDescription: string;
  @ApiProperty({ type: [CaseAchievementDto] }) achievements: CaseAchievementDto[];
  @ApiProperty({ type: CaseContactDto }) contact: CaseContactDto;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() lifecycleNo: number;
  @ApiProperty({ type: String, nullable: true, description: 'null until admitted' }) leadCluster:
    string | null;
  @ApiProperty({ type: String, nullable: true }) leadClusterName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'username; null until admitted' })
  commissioner: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'display name' }) commissionerName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'username; null until admitted' })
  districtLiaison: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'display name' })
  districtLiaisonName: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'integer yuan; null until admitted' })
  baselineRevenue: number | null;
}

export class CaseCriterionConfirmedDto {
  @ApiProperty({ type: String, nullable: true, example: '具有自主芯片设计能力' }) note: string | null;
}

export class CaseCriterionDto {
  @ApiProperty({ enum: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'S1', 'S2'] }) id: string;
  @ApiProperty({ enum: ['hard', 'soft', 'judgment'] }) kind: string;
  @ApiProperty({ enum: ['pass', 'fail', 'judgment'] }) outcome: string;
  @ApiProperty({ example: '研发投入强度 8.00% ≥ 5%' }) detail: string;
  @ApiProperty() detailEn: string;
  @ApiProperty({
    type: CaseCriterionConfirmedDto,
    nullable: true,
    description:
      "once the screening passed: the coordinator's confirmation of a judged criterion (C2, C6) or acceptance of a failed soft one (C1, S2); `note` null where the reader may not read deliberations",
  })
  confirmed: CaseCriterionConfirmedDto | null;
}

export class CaseScreeningDto {
  @ApiProperty() policyVersion: number;
  @ApiProperty({ type: [CaseCriterionDto] }) criteria: CaseCriterionDto[];
}

export class CaseOpinionDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ enum: TASK_TYPES }) taskType: TaskType;
  @ApiProperty({ example: 'support' }) outcome: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'what the person wrote (opinion, reason, note, comment, judgment notes) as the caller may read it',
  })
  opinion: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the step’s data, only the fields the caller may read (docs/security.md)',
  })
  data: Record<string, unknown>;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'username; null when the caller may not know who',
  })
  actor: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'display name' }) actorName: string | null;
  @ApiProperty({ type: TextDto, nullable: true }) actorDepartment: TextDto | null;
  @ApiProperty({ type: String, nullable: true, description: '委托代理: the principal a proxy acted for' })
  onBehalfOf: string | null;
  @ApiProperty() at: string;
}

export class CaseAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ATTACHMENT_PURPOSES }) purpose: string;
  @ApiProperty({ enum: ATTACHMENT_SUBJECTS }) subject: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'username; null when the caller may not know who',
  })
  uploadedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) uploadedByName: string | null;
  @ApiProperty() uploadedAt: string;
}

export class CaseDoublingDto {
  @ApiProperty({ example: '2026Q3', description: 'the latest report that counts' }) quarter: string;
  @ApiProperty({ type: Number, nullable: true, description: 'integer yuan' }) baselineRevenue: number | null;
  @ApiProperty({ description: 'the trailing four quarters annualised, integer yuan' })
  annualizedRevenue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'annualizedRevenue ÷ baselineRevenue' })
  growth: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'where the path to ×2 in three years expects it',
  })
  expected: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTrack: boolean | null;
}

export class CaseLedgerProblemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: values(PROBLEM_STATUSES) }) status: string;
  @ApiProperty({ enum: values(OWNER_DEPARTMENTS) }) ownerDepartment: string;
  @ApiProperty({ example: '2026-12-31' }) dueAt: string;
  @ApiProperty({
    type: TextDto,
    description:
      'the lead cluster’s 行业处室, as a problem’s `leadDivision`: the 责任部门 of an `industry` one',
  })
  leadDivision: TextDto;
}

export class CaseLedgerStatusDto {
  @ApiProperty({
    enum: values(LEDGER_STATUSES),
    description:
      'as the ledger counts it: `ended` (帮扶已结束) for a problem not closed out whose lifecycle has ended',
  })
  status: string;
  @ApiProperty() n: number;
}

export class CaseLedgerDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CaseLedgerStatusDto], description: 'statuses with problems, in the ledger’s order' })
  byStatus: CaseLedgerStatusDto[];
  @ApiProperty({
    type: [CaseLedgerProblemDto],
    description: 'past their due date and not 销号, earliest first',
  })
  overdue: CaseLedgerProblemDto[];
}

/** Where a member stands beside a decision on it: reports, 三年倍增, ledger. */
export class CaseStandingDto {
  @ApiProperty({
    type: [QuarterlyFiguresDto],
    description: 'the lifecycle’s quarterly reports that count (not one sent back), oldest first',
  })
  reports: QuarterlyFiguresDto[];
  @ApiProperty({ type: CaseDoublingDto, nullable: true, description: 'null before a report counts' })
  doubling: CaseDoublingDto | null;
  @ApiProperty({ type: CaseLedgerDto, description: 'the lifecycle’s ledger problems the caller may see' })
  ledger: CaseLedgerDto;
}

/** The case a decision is taken on (审批单), redacted for the caller as every output is. */
export class CaseFileDto {
  @ApiProperty({ type: CaseEnterpriseDto }) enterprise: CaseEnterpriseDto;
  @ApiProperty({ type: CaseScreeningDto, nullable: true, description: 'null for enterprise users' })
  screening: CaseScreeningDto | null;
  @ApiProperty({
    type: CaseStandingDto,
    nullable: true,
    description: 'a member’s reports, 三年倍增 and ledger; null before admission',
  })
  standing: CaseStandingDto | null;
  @ApiProperty({
    type: [CaseOpinionDto],
    description: 'completed human steps of the lifecycle, oldest first',
  })
  opinions: CaseOpinionDto[];
  @ApiProperty({
    type: [CaseAttachmentDto],
    description: 'the lifecycle’s evidence files the caller may see',
  })
  attachments: CaseAttachmentDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '退回: why the step was sent back to this task (a task’s case file only)',
  })
  returnedReason?: string | null;
}

export class ActingForDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class TaskDetailDto extends TaskItemDto {
  @AssigneeName() assigneeName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'the ledger problem a PROBLEM_CLOSE or PROBLEM_EXTENSION decides, or a WHISTLE_RESPONSE answers (GET /api/problems/:id); null for other tasks',
  })
  problemId: string | null;
  @ApiProperty({
    type: [String],
    enum: PROBLEM_PLAN_FIELDS,
    description:
      'WHISTLE_RESPONSE: the plan fields its problem lacks (a problem the whistle put in the ledger has neither): the answer must set them (422 PROBLEM_PLAN_REQUIRED otherwise), and the task page asks for them; [] for other tasks and a problem that has them',
  })
  problemPlanMissing: ProblemPlanField[];
  @UrgeableAt() urgeableAt: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'completion data' })
  data: unknown;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'ANNUAL_UPDATE: `annualUpdate: {year, prefill}` (the last known figures); GRADUATION_REVIEW opened by an annual update: `evaluation: {year, proposal, findings, growth, screening}` (officers only)',
  })
  details: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'the form language of libs/domain/src/forms/schema.ts: {outcomes: {outcome: {label, fields}}}',
  })
  form: unknown;
  @ApiProperty({ type: [OutcomeDto] }) outcomes: OutcomeDto[];
  @ApiProperty({ type: TaskActionsDto, description: 'what the caller may do now' }) actions: TaskActionsDto;
  @ApiProperty() canComplete: boolean;
  @ApiProperty() canClaim: boolean;
  @ApiProperty({ type: TaskEnterpriseDto, nullable: true }) enterprise: TaskEnterpriseDto | null;
  @ApiProperty({ type: [TaskCommentDto] }) comments: TaskCommentDto[];
  @ApiProperty({ type: CaseFileDto, nullable: true }) caseFile: CaseFileDto | null;
  @ApiProperty({ type: [TaskCopyDto], description: '抄送: to whom it was copied' }) copies: TaskCopyDto[];
  @ApiProperty({ description: 'copied to me (抄送): I read it, read-only' }) copiedToMe: boolean;
  @ApiProperty({
    type: ApprovalActionsDto,
    description: '退回, 撤回, 催办, 加签, 抄送, 转办 the caller may take now',
  })
  approvalActions: ApprovalActionsDto;
  @ApiProperty({
    type: WithdrawBlockedDto,
    nullable: true,
    description: '撤回 of my completion refused now, and why (the workflow answers; null otherwise)',
  })
  withdrawBlocked: WithdrawBlockedDto | null;
  @ApiProperty({
    type: WithdrawnDraftDto,
    nullable: true,
    description:
      '撤回: this open task was taken back after it was done, and its form starts from the withdrawn result (`outcome` here, the fields in `data`). Officers only: null for enterprise users and departments, and once it is done again',
  })
  withdrawn: WithdrawnDraftDto | null;
  @ApiProperty({
    type: ActingForDto,
    nullable: true,
    description:
      '委托代理: whom the caller would act for on this open task (a running proxy, their personal task); every action then records it as `onBehalfOf` (代 X). Null otherwise',
  })
  actingFor: ActingForDto | null;
  @ApiProperty({
    type: [CountersignViewDto],
    nullable: true,
    description:
      '加签 asked on this task and who answered (null for readers who may not see officers’ judgments)',
  })
  countersigns: CountersignViewDto[] | null;
  @ApiProperty({
    type: CountersignOfDto,
    nullable: true,
    description: 'a COUNTERSIGN task: the task it answers',
  })
  countersignOf: CountersignOfDto | null;
}

export class CompleteResultDto {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ type: [OpenedTaskDto], description: 'already in the inbox when this answer arrives' })
  nextTasks: OpenedTaskDto[];
}

export class AssignResultDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: String, nullable: true }) assignee: string | null;
}

export class CandidateDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'holds the task now' }) assignee: boolean;
  @ApiProperty({ description: 'the caller' }) self: boolean;
  @ApiProperty({
    type: () => ActingForDto,
    nullable: true,
    description:
      '委托代理: on the caller, whom they stand in for on this task; 转办 to themselves then takes the task for the principal (自己（代 X 办理）). Null otherwise',
  })
  onBehalfOf: ActingForDto | null;
}
