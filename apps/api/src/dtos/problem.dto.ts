import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  LEDGER_STATUSES,
  OWNER_DEPARTMENTS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUSES,
  PROBLEM_WORK_KINDS,
  SPECIAL_HANDLING,
  STAGES,
} from '@hardtech/domain';
import type { LedgerStatus, ProblemCategory } from '@hardtech/domain';
import { ClusterQuery, DistrictQuery, PageDto, PageQueryOf, TextDto } from './common.dto';

/** The codes of a domain option list, for an `enum` of the document. */
export const values = (options: { value: string }[]) => options.map((o) => o.value);

const WORK_KINDS = {
  enum: PROBLEM_WORK_KINDS,
  isArray: true,
  description:
    'the ledger work the caller may do on the problem now (each answers 2xx, the others 403/409/422): progress, close_request, extend (the owner department, the commissioner), handling (city coordinators); empty once resolved or the lifecycle ended — the ledger offers 办理 only when not empty',
};

const ENTERPRISE_STAGE = {
  enum: [...STAGES],
  description:
    'the enterprise’s stage now: graduated, exited or rejected means its lifecycle has ended and the problem is read-only (work answers 409 LIFECYCLE_ENDED)',
};

export class ProblemQueryDto extends PageQueryOf(200, 50) {
  @ApiPropertyOptional({ enum: values(OWNER_DEPARTMENTS), description: 'owner department' })
  @IsOptional()
  @IsIn(values(OWNER_DEPARTMENTS))
  owner?: string;
  @ApiPropertyOptional({
    enum: values(LEDGER_STATUSES),
    description:
      'a status as the dashboard counts it: `ended` is the unresolved problems of a graduated, exited or not admitted enterprise, which the other unresolved statuses leave out',
  })
  @IsOptional()
  @IsIn(values(LEDGER_STATUSES))
  status?: LedgerStatus;
  @ApiPropertyOptional({ enum: values(PROBLEM_CATEGORIES) })
  @IsOptional()
  @IsIn(values(PROBLEM_CATEGORIES))
  category?: ProblemCategory;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{18}$/) creditCode?: string;
  @DistrictQuery() district?: string;
  @ClusterQuery(
    'the problem’s enterprise was nominated in or is led by this cluster (as GET /api/enterprises)',
  )
  cluster?: string;
  @ApiPropertyOptional({ description: 'part of the enterprise name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?:
    'true' | 'false';
}

export class MembershipQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'YYYY-MM-DD, Asia/Shanghai; today when absent' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string;
}

// ---- answers ------------------------------------------------------------------------------------

/** 部门报到: the owner department's reply, addressed to the enterprise (never which officer wrote it). */
export class WhistleAnswerDto {
  @ApiProperty({ description: 'the reply, which the enterprise reads' }) response: string;
  @ApiProperty({ description: 'the department found the problem resolved' }) resolved: boolean;
  @ApiProperty({ enum: values(OWNER_DEPARTMENTS), description: 'the department that answered' })
  department: string;
  @ApiProperty() at: string;
}

/** A ledger problem as the enterprise page shows it (problemView). */
export class ProblemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: values(PROBLEM_CATEGORIES) }) category: string;
  @ApiProperty() measures: string;
  @ApiProperty() target: string;
  @ApiProperty({ enum: values(OWNER_DEPARTMENTS) }) ownerDepartment: string;
  @ApiProperty({
    example: 'T2',
    description: 'the lead cluster of the problem’s lifecycle (its nomination’s before admission named one)',
  })
  leadCluster: string;
  @ApiProperty({
    type: TextDto,
    description:
      '各行业处室牵头: the lead cluster’s industry division as the taxonomy names it, else 行业处室（cluster）; the 责任部门 of an `industry` problem',
  })
  leadDivision: TextDto;
  @ApiProperty({ example: '2026-12-31' }) dueAt: string;
  @ApiProperty({ enum: values(PROBLEM_STATUSES) }) status: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '一企一策 / 一事一议; null for an enterprise reader (the coordinators’ classification)',
  })
  special: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['open', 'answered'],
    description: '企业吹哨: the latest whistle',
  })
  whistleStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) whistledAt: string | null;
  @ApiProperty({
    type: WhistleAnswerDto,
    nullable: true,
    description:
      '部门报到: the department’s reply to the latest whistle (the enterprise reads it); null while open or none',
  })
  whistleAnswer: WhistleAnswerDto | null;
}

/** A row of the ledger: the problem with its enterprise. */
export class LedgerProblemDto extends ProblemDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty(ENTERPRISE_STAGE) enterpriseStage: string;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty(WORK_KINDS) workKinds: string[];
}

export class LedgerDto extends PageDto {
  @ApiProperty({ type: [LedgerProblemDto] }) items: LedgerProblemDto[];
}

export class MembershipPeriodDto {
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty() lifecycleNo: number;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class MembershipAnswerDto {
  @ApiProperty() creditCode: string;
  @ApiProperty({ example: '2026-06-30' }) date: string;
  @ApiProperty() member: boolean;
  @ApiProperty({ type: MembershipPeriodDto, nullable: true }) period: MembershipPeriodDto | null;
}

// ---- ledger work (issue 19) ---------------------------------------------------------------------

export class ProgressEntryDto {
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an enterprise reader' }) actor:
    string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for an enterprise reader' }) note:
    string | null;
}

export class PendingExtensionDto {
  @ApiProperty({ example: '2027-03-31' }) dueAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an enterprise reader' }) reason:
    string | null;
}

export class ProblemWhistleDto {
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() at: string;
  @ApiProperty({
    type: WhistleAnswerDto,
    nullable: true,
    description: 'null while the whistle awaits its answer (or answered before answers were kept)',
  })
  answer: WhistleAnswerDto | null;
}

/** GET /api/problems/:id: the problem with its work, redacted for the reader. */
export class ProblemDetailDto extends ProblemDto {
  @ApiProperty() creditCode: string;
  @ApiProperty(ENTERPRISE_STAGE) enterpriseStage: string;
  @ApiProperty() district: string;
  @ApiProperty() cluster: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: values(SPECIAL_HANDLING),
    description: '一企一策 / 一事一议 (the same as special)',
  })
  handling: string | null;
  @ApiProperty({ type: [ProgressEntryDto] }) progress: ProgressEntryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: '申请销号: the summary of the pending or last request',
  })
  closeSummary: string | null;
  @ApiProperty({
    type: PendingExtensionDto,
    nullable: true,
    description: 'more time asked for, awaiting the coordinators',
  })
  extension: PendingExtensionDto | null;
  @ApiProperty({
    type: ProblemWhistleDto,
    nullable: true,
    description:
      '企业吹哨: what the latest whistle said (the enterprise’s own words); null if none or blown before it was kept',
  })
  whistle: ProblemWhistleDto | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty(WORK_KINDS) workKinds: string[];
}

export class ProblemWorkAnswerDto {
  @ApiProperty({ type: ProblemDetailDto }) problem: ProblemDetailDto;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the PROBLEM_CLOSE or PROBLEM_EXTENSION task the work opened',
  })
  taskId: string | null;
}
