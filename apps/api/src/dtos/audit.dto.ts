import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AUDIT_READS, STAGES, TASK_TYPES, TRANSITION_KINDS } from '@hardtech/domain';
import type { AuditReads, Stage, TaskType, TransitionKind } from '@hardtech/domain';
import { PageQueryOf, TextDto } from './common.dto';

const OUTCOMES = ['ok', 'refused', 'failed'] as const;

export class AuditQueryDto extends PageQueryOf(500, 50) {
  @ApiPropertyOptional({ description: 'the enterprise (统一社会信用代码)' })
  @IsOptional()
  @Matches(/^[0-9A-Z]{18}$/)
  creditCode?: string;

  @ApiPropertyOptional({ description: 'username; `system` for the workflows’ own steps' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({
    description: 'prefix of the action: `auth.`, `workflow.transition`, `POST /api/tasks`, `pool.`',
    example: 'auth.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  action?: string;

  @ApiPropertyOptional({ enum: OUTCOMES, description: 'refused: 4xx (permission refusals are 403)' })
  @IsOptional()
  @IsIn(OUTCOMES as unknown as string[])
  outcome?: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ example: '2026-07-01T00:00:00+08:00', description: 'from (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-01T00:00:00+08:00', description: 'to (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: AUDIT_READS,
    default: 'include',
    description:
      'reads — GET requests answered (outcome ok) — with the rest, left out (`exclude`: the business events, ' +
      'what the audit page opens with) or alone (`only`); a refused GET is a permission refusal, never a read',
  })
  @IsOptional()
  @IsIn(AUDIT_READS as unknown as string[])
  reads?: AuditReads;
}

export class AuditStageChangeDto {
  @ApiProperty({ enum: STAGES, nullable: true, type: String, description: 'null at a lifecycle’s opening' })
  from: Stage | null;
  @ApiProperty({ enum: STAGES }) to: Stage;
}

export class AuditTransitionDto {
  @ApiProperty({
    enum: TRANSITION_KINDS,
    description:
      'opened (the nomination’s first transition), completed (a step done), defaulted (a step the system did ' +
      'at its deadline under the policy), return / withdraw / countersign (退回, 撤回, 加签), urged (催办), ' +
      'copied (抄送), assigned (claimed, released, delegated), whistle (吹哨), annual_review_opened, ' +
      'deadlines_recomputed; by the cause the workflow named: quarter_tick (季度调度), whistle_escalated, ' +
      'problem_progress, problem_close_request, problem_extend, problem_handling, problem_reminder, ' +
      'problem_escalation; other (a transition logged before causes were named)',
  })
  kind: TransitionKind;
  @ApiProperty({ enum: TASK_TYPES, nullable: true, type: String, description: 'the step: the row’s task' })
  taskType: TaskType | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'pass',
    description: 'a completed or defaulted step’s outcome',
  })
  outcome: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '委托代理: the principal a proxy did the step for',
  })
  onBehalfOf: string | null;
  @ApiProperty({ nullable: true, type: String }) onBehalfOfName: string | null;
  @ApiProperty({
    type: AuditStageChangeDto,
    nullable: true,
    description:
      'the stage before and after, when the transition changed it (the projection’s stage history)',
  })
  stageChange: AuditStageChangeDto | null;
  @ApiProperty({ enum: TASK_TYPES, isArray: true, description: 'the steps it opened' }) opened: TaskType[];
}

export class AuditEventDto {
  @ApiProperty({ description: 'position in the chain, gapless from 1' }) seq: number;
  @ApiProperty({ example: '2026-07-01T08:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'coordinator' }) actor: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '科技处 李明',
    description:
      'the display name of the user `actor` names; null when no user has that account (`system`, `anonymous`, a failed login’s guess)',
  })
  actorName: string | null;
  @ApiProperty({
    type: TextDto,
    nullable: true,
    description: 'that user’s department (their scope’s department, district, or role); null with actorName',
  })
  actorDepartment: TextDto | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({
    example: 'POST /api/tasks/:id/complete',
    description:
      'auth.login, auth.login_failed, workflow.transition, pool.membership_checked, or `METHOD /route` of a request',
  })
  action: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status of a request' }) status:
    number | null;
  @ApiProperty({ nullable: true, type: String }) creditCode: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '重庆芯测半导体科技有限公司',
    description:
      'the name of the enterprise creditCode names (from the same query as the page); null with creditCode',
  })
  enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) taskId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'X-Request-Id' }) requestId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'request: method, path, code, body (secrets masked); transition: the projection receipt',
  })
  data: Record<string, unknown>;
  @ApiProperty({
    type: AuditTransitionDto,
    nullable: true,
    description:
      'a workflow.transition read as a business event (from its receipt and the read model); null otherwise',
  })
  transition: AuditTransitionDto | null;
  @ApiProperty() prevHash: string;
  @ApiProperty({
    description:
      'HMAC (SM3 or SHA-256, a key outside the database) over prevHash and the row; plain sha256 for rows from before the key',
  })
  hash: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto], description: 'newest first' }) items: AuditEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AuditHeadDto {
  @ApiProperty() seq: number;
  @ApiProperty() hash: string;
}

export class AuditCheckpointDto {
  @ApiProperty({ description: 'rows the chain had' }) seq: number;
  @ApiProperty({ description: 'hash of its last row' }) hash: string;
  @ApiProperty({ example: '2026-07-01T08:15:00.000Z' }) at: string;
}

export class AuditVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'rows checked' }) checked: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'seq of the first row where the chain no longer holds (edited, deleted or truncated rows)',
  })
  firstBrokenAt: number | null;
  @ApiProperty({
    nullable: true,
    enum: ['missing_row', 'content_changed', 'link_broken', 'head_mismatch', 'checkpoint_mismatch'],
  })
  reason: string | null;
  @ApiProperty({ type: AuditHeadDto, description: 'the chain’s head in the database' })
  head: AuditHeadDto;
  @ApiProperty({
    type: AuditCheckpointDto,
    nullable: true,
    description:
      'the last signed checkpoint (AUDIT_CHECKPOINT_DIR), which the chain must still hold; null before the first',
  })
  checkpoint: AuditCheckpointDto | null;
}
