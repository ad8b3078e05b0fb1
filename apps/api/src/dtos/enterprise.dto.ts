import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DOUBLING_STANDINGS, FIRST_POOL_YEAR, LEFT_AS, LEFT_FOR_OPTIONS, STAGES } from '@hardtech/domain';
import type { DoublingStanding, LeftAs, Stage } from '@hardtech/domain';
import { LabelTextDto } from './history.dto';
import { IsDay } from './validators';
import { ClusterQuery, DistrictQuery, PageDto, PageQueryDto } from './common.dto';
import { FieldErrorDto } from './error.dto';
import { AssigneeName, TaskItemDto } from './task.dto';
import { ProblemDto } from './problem.dto';
import { QuarterlyFiguresDto } from './quarterly-figures.dto';

/** 移出帮扶库 reasons a lifecycle ended with, as the list's `leftFor` takes them. */
const LEFT_REASONS = LEFT_FOR_OPTIONS.map((r) => r.value);

/** The enterprise list's filters; its export takes the same and ignores the page. */
export class EnterpriseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES as unknown as string[]) stage?: Stage;
  @DistrictQuery() district?: string;
  @ClusterQuery('nominated in or led by this cluster')
  cluster?: string;
  @ApiPropertyOptional({ description: 'name or credit code contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({
    example: '2026-06-30',
    description:
      'members in the pool as this day ends (YYYY-MM-DD; admitted by then, not yet left: not on the ' +
      'day it graduated or exited): what the dashboard’s 在库 counts',
  })
  @IsOptional()
  @IsDay('inPoolOn')
  inPoolOn?: string;
  @ApiPropertyOptional({
    example: 2026,
    description: 'admitted in this year (a cohort); with inPoolOn, the same membership period',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_POOL_YEAR)
  @Max(2100)
  admittedIn?: number;
  @ApiPropertyOptional({
    enum: DOUBLING_STANDINGS,
    description:
      '三年倍增 by the latest quarterly report (up to the fourth quarter of inPoolOn’s year): ' +
      'reporting, on_track (at or above the path to ×2), behind, doubled (growth ≥ 2)',
  })
  @IsOptional()
  @IsIn(DOUBLING_STANDINGS as unknown as string[])
  doubling?: DoublingStanding;
  @ApiPropertyOptional({
    example: '2025-12-31',
    description:
      'with stage: the stage when this day ended (YYYY-MM-DD), from the recorded transitions, as the ' +
      'dashboard counts a past year (today or later: the stage now); alone: enterprises that had a stage that day',
  })
  @IsOptional()
  @IsDay('stageOn')
  stageOn?: string;
  @ApiPropertyOptional({ example: 2026, description: 'left the pool (graduated or exited) in this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_POOL_YEAR)
  @Max(2100)
  leftIn?: number;
  @ApiPropertyOptional({ enum: LEFT_AS, description: 'left the pool so (with leftIn: in that year)' })
  @IsOptional()
  @IsIn(LEFT_AS as unknown as string[])
  leftAs?: LeftAs;
  @ApiPropertyOptional({
    enum: LEFT_REASONS,
    description: 'left the pool for this reason (none: recorded without one); the endings chart’s bars',
  })
  @IsOptional()
  @IsIn(LEFT_REASONS)
  leftFor?: string;
}

/**
 * The step an enterprise waits on, as the caller may see tasks: the open task due first among
 * those waiting on the caller, else the open task due first.
 */
export class CurrentStepDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: LabelTextDto }) label: LabelTextDto;
  @ApiProperty({ type: String, nullable: true, description: 'username of the assignee' })
  assignee: string | null;
  @ApiProperty({
    type: LabelTextDto,
    description: 'who handles it: the assignee’s name, else the department the candidates belong to',
  })
  handler: LabelTextDto;
  @ApiProperty({ example: '2026-12-18T10:00:00.000Z' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'open tasks of the enterprise the caller may see, this one included' })
  openTasks: number;
  @ApiProperty({
    description:
      'this step waits on the caller: theirs, or unclaimed and theirs to take (shown before any other)',
  })
  waitsOnCaller: boolean;
  @ApiProperty({ description: 'of `openTasks`, those waiting on the caller' })
  waitingOnCaller: number;
}

export class EnterpriseItemDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty({ type: String, nullable: true }) leadCluster: string | null;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() lifecycleNo: number;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: CurrentStepDto, nullable: true, description: 'null when no open task is visible' })
  currentStep: CurrentStepDto | null;
}

export class EnterpriseListDto extends PageDto {
  @ApiProperty({ type: [EnterpriseItemDto] }) items: EnterpriseItemDto[];
}

export class MembershipDto {
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() lifecycleNo: number;
}

export class DoublingDto {
  @ApiProperty({ description: 'revenue over the last four quarters, integer yuan' })
  annualizedRevenue: number;
  @ApiProperty({ description: 'annualized revenue / admission baseline' }) growth: number;
  @ApiProperty({ description: 'where the path to doubling in three years expects it now' }) expected: number;
  @ApiProperty() onTrack: boolean;
}

export class LatestDoublingDto extends DoublingDto {
  @ApiProperty({ example: '2026Q3' }) quarter: string;
}

export class LifecycleDto {
  @ApiProperty() lifecycleNo: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true, enum: STAGES }) finalStage: Stage | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'why it ended, as closing.reason reads it (by the step that ended it)',
  })
  reason: string | null;
  @ApiProperty() nominatedBy: string;
  @ApiProperty({ description: 'who nominated this lifecycle, by name (the username when unknown)' })
  nominatedByName: string;
}

export class QuarterlyReportDto extends QuarterlyFiguresDto {
  @ApiProperty() listingProgress: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ type: DoublingDto, nullable: true, description: '三年倍增 progress at this quarter' })
  doubling: DoublingDto | null;
}

const object = (description?: string) =>
  ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description });

/** An xstate state value: a state's key, or nested keys for compound and parallel states. */
const stateValue = () =>
  ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    nullable: true,
    description: 'the statechart state, e.g. "screening" or {"feedback": {"district": "pending", …}}',
  });

/** An open task on the enterprise page: who holds it, and the people it waits for, by name. */
export class EnterpriseOpenTaskDto extends TaskItemDto {
  @AssigneeName() assigneeName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { commissioner: '企业服务专员 陈静' },
    description:
      'the display names of the people its candidate groups name one by one (`user:<username>`, e.g. the ' +
      'assigned commissioner), each username → name (the username when unknown)',
  })
  candidateNames: Record<string, string>;
}
/** What the city's screening asked the nominator to supplement (补充材料), as the reader may read it. */
export class SupplementRequestDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '研发投入强度低于5%，请补充说明近三年研发费用归集口径',
    description: 'the screening’s questions (null where the reader may not read them)',
  })
  asked: string | null;
  @ApiProperty({ description: 'when the screening asked' }) at: string;
}

export class EnterpriseDetailDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'when the lifecycle entered `stage` (the recorded transitions; null before they were recorded)',
  })
  stageSince: string | null;
  @stateValue() stateValue: unknown;
  @ApiProperty() lifecycleNo: number;
  @ApiProperty() workflowId: string;
  @ApiProperty({ type: Number, nullable: true }) policyVersion: number | null;
  @object('the nomination as corrected') nomination: unknown;
  @ApiProperty() nominatedBy: string;
  @ApiProperty({ description: 'who nominated it, by name (the username when unknown)' })
  nominatedByName: string;
  @object('{criteria: [{id, outcome: pass | fail | judgment, detail}]}') screening: unknown;
  @ApiProperty({
    type: SupplementRequestDto,
    nullable: true,
    description:
      'while `stage` is `supplement`: what the screening asked for (its `request_info` questions, as the history shows them to the reader; never its criteria, judgments or who screened); else null',
  })
  supplementRequest: SupplementRequestDto | null;
  @ApiProperty({ type: String, nullable: true }) leadCluster: string | null;
  @ApiProperty({ type: String, nullable: true }) commissioner: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'by name (the username when unknown)' })
  commissionerName: string | null;
  @ApiProperty({ type: String, nullable: true }) districtLiaison: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'by name (the username when unknown)' })
  districtLiaisonName: string | null;
  @ApiProperty({ type: [EnterpriseOpenTaskDto] }) openTasks: EnterpriseOpenTaskDto[];
  @object('portrait and problems of the growth diagnosis') diagnosis: unknown;
  @ApiProperty({ type: [ProblemDto] }) problems: ProblemDto[];
  @ApiProperty({ type: [MembershipDto] }) membership: MembershipDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'integer yuan' }) baselineRevenue: number | null;
  @ApiProperty({ type: [QuarterlyReportDto] }) quarterlyReports: QuarterlyReportDto[];
  @ApiProperty({ type: [LifecycleDto], description: 'every lifecycle of this credit code' })
  lifecycles: LifecycleDto[];
  @object('how the lifecycle ended') closing: unknown;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) latestQuarter: string | null;
  @ApiProperty({ type: LatestDoublingDto, nullable: true }) doubling: LatestDoublingDto | null;
}

export class StatechartCurrentDto {
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @stateValue() stateValue: unknown;
}

export class StatechartDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'state nodes {id, key, type, label, task, transitions, states}',
  })
  definition: unknown;
  @ApiProperty({ type: StatechartCurrentDto }) current: StatechartCurrentDto;
}

export class NominationResultDto {
  @ApiProperty() creditCode: string;
  @ApiProperty({ example: 'enterprise/91500112MA5U000017' }) workflowId: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
}

export class ImportRejectionDto {
  @ApiProperty({ description: 'row number in the sheet (1 is the header)' }) row: number;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

export class ImportResultDto {
  @ApiProperty({ type: [String], description: 'credit codes whose lifecycles started' }) accepted: string[];
  @ApiProperty({ type: [ImportRejectionDto] }) rejected: ImportRejectionDto[];
}
