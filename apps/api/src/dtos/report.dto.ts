import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TASK_TYPES, TaskType } from '@hardtech/domain';
import { LabelTextDto } from './history.dto';
import { ClusterQuery } from './common.dto';

export class KpiQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'calendar year (Asia/Shanghai); this year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2023)
  @Max(2100)
  year?: number;
  @ClusterQuery(
    'every figure of the enterprises nominated in or led by this cluster (GET /api/enterprises’ `cluster`)',
  )
  cluster?: string;
}

export class BriefingQueryDto {
  @ApiPropertyOptional({
    example: '2026Q4',
    description: 'quarter (Asia/Shanghai); this quarter when absent',
  })
  @IsOptional()
  @Matches(/^20\d{2}Q[1-4]$/, { message: 'quarter must look like 2026Q4' })
  quarter?: string;
  @ClusterQuery(
    'every figure and list of the enterprises nominated in or led by this cluster, as GET /api/reports/kpi’s',
  )
  cluster?: string;
}

export class MonthCountDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ description: 'members on the month’s last day (`asOf` for its month)' })
  members: number;
}

class DoublingTallyDto {
  @ApiProperty({ description: 'members in the pool on `asOf`' }) members: number;
  @ApiProperty({ description: 'with a quarterly report and a baseline' }) reporting: number;
  @ApiProperty({ description: 'growth ≥ the path to ×2 in three years (2^(years/3))' }) onTrack: number;
  @ApiProperty({ description: 'growth ≥ 2' }) doubled: number;
  @ApiProperty({ nullable: true, type: Number }) averageGrowth: number | null;
}

export class CohortDto extends DoublingTallyDto {
  @ApiProperty({ example: 2026, description: 'admission year' }) cohort: number;
}

export class DoublingEnterpriseDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() district: string;
  @ApiProperty({ description: 'lead cluster once admitted' }) cluster: string;
  @ApiProperty() stage: string;
  @ApiProperty({ nullable: true, type: String }) commissioner: string | null;
  @ApiProperty({ nullable: true, type: String }) districtLiaison: string | null;
  @ApiProperty() lifecycleNo: number;
  @ApiProperty() cohort: number;
  @ApiProperty({ example: '2026-03-15' }) admittedOn: string;
  @ApiProperty({ nullable: true, type: String }) leftOn: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'yuan' }) baselineRevenue: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026Q3' }) quarter: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'yuan' }) annualizedRevenue: number | null;
  @ApiProperty({ nullable: true, type: Number }) growth: number | null;
  @ApiProperty({ nullable: true, type: Number }) expected: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) onTrack: boolean | null;
  @ApiProperty() doubled: boolean;
}

export class RevenueDoublingDto extends DoublingTallyDto {
  @ApiProperty({ type: [CohortDto] }) cohorts: CohortDto[];
  @ApiProperty({ type: [DoublingEnterpriseDto] }) enterprises: DoublingEnterpriseDto[];
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: LabelTextDto }) label: LabelTextDto;
  @ApiProperty() n: number;
}

export class OwnerCountDto extends CountDto {
  @ApiProperty() overdue: number;
}

export class ProblemStatsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'not resolved and past the due date' }) overdue: number;
  @ApiProperty({ type: [CountDto] }) byCategory: CountDto[];
  @ApiProperty({ type: [CountDto] }) byStatus: CountDto[];
  @ApiProperty({ type: [OwnerCountDto] }) byOwner: OwnerCountDto[];
}

export class OverdueTaskDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() creditCode: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty() district: string;
  @ApiProperty({ type: LabelTextDto }) districtLabel: LabelTextDto;
  @ApiProperty({ enum: TASK_TYPES }) taskType: TaskType;
  @ApiProperty({ type: LabelTextDto, description: 'the step, e.g. 季度数据报送' }) taskLabel: LabelTextDto;
  @ApiProperty({
    description: 'the party the candidate groups name (taskDepartment), recorded with every task',
  })
  department: string;
  @ApiProperty({ type: LabelTextDto }) departmentLabel: LabelTextDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'username of whoever claimed it; null: unclaimed',
  })
  assignee: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'their display name' }) assigneeName:
    string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({ description: 'whole days past `dueAt` (0 within the first day)' }) overdueDays: number;
}

export class OverdueTasksDto {
  @ApiProperty() total: number;
  @ApiProperty({
    type: [CountDto],
    description:
      'by the party the candidate groups name, most first, as GET /api/tasks/overdue/summary counts them; GET /api/tasks?view=all&overdue=true&department=<key> lists them',
  })
  byDepartment: CountDto[];
  @ApiProperty({
    type: [CountDto],
    description: 'GET /api/tasks?view=all&overdue=true&district=<key> lists them',
  })
  byDistrict: CountDto[];
  @ApiProperty({
    type: [OverdueTaskDto],
    description: 'the open tasks past their due time that `total` counts, the longest overdue first',
  })
  items: OverdueTaskDto[];
}

export class EndingDto {
  @ApiProperty({ enum: ['graduated', 'exited'] }) stage: string;
  @ApiProperty({ type: LabelTextDto }) stageLabel: LabelTextDto;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: LabelTextDto, nullable: true }) reasonLabel: LabelTextDto | null;
  @ApiProperty({
    description:
      'enterprises that left so in the year: GET /api/enterprises?leftIn=<year>&leftAs=<stage>&leftFor=<reason, or none>',
  })
  n: number;
}

export class EndingsDto {
  @ApiProperty() graduated: number;
  @ApiProperty() exited: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [EndingDto] }) byReason: EndingDto[];
}

export class AdmittedYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ description: 'membership periods that began in the year' }) admitted: number;
  @ApiProperty({ description: 'the policy’s annualTarget' }) target: number;
}

export class CityFiguresDto {
  @ApiProperty({ description: 'members of the whole city on `asOf`' }) poolSize: number;
  @ApiProperty({ description: 'admissions of the whole city in the year' }) admittedThisYear: number;
  @ApiProperty({ nullable: true, type: Number, description: 'admittedThisYear ÷ annualTarget, 4 decimals' })
  targetProgress: number | null;
}

export class KpiDto {
  @ApiProperty() year: number;
  @ApiProperty({
    example: '2026-11-25',
    description: 'the day members are counted on: today for this year, 31 December for a past year',
  })
  asOf: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'T2',
    description: 'the cluster the figures are narrowed to (the `cluster` query); null for the whole scope',
  })
  cluster: string | null;
  @ApiProperty({
    description:
      'members in the pool on `asOf` (admission and leaving day included; docs/design.md); ' +
      'GET /api/enterprises?inPoolOn=<asOf> lists them',
  })
  poolSize: number;
  @ApiProperty({ description: 'the policy’s, the city’s: there is no per-district quota' })
  poolCapacity: number;
  @ApiProperty({ type: [MonthCountDto] }) poolOverTime: MonthCountDto[];
  @ApiProperty() admittedThisYear: number;
  @ApiProperty({ description: '每年重点帮扶企业不少于50家, the city’s' }) annualTarget: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'admittedThisYear ÷ annualTarget, 4 decimals; null when the caller’s scope is narrower than the city (see `city`)',
  })
  targetProgress: number | null;
  @ApiProperty({
    type: CityFiguresDto,
    nullable: true,
    description:
      'the whole city’s figures, against which poolCapacity and annualTarget read, for a caller whose scope is narrower (district, clusters, commissioner); null when the caller’s own figures are the city’s',
  })
  city: CityFiguresDto | null;
  @ApiProperty({ type: [AdmittedYearDto], description: 'admissions per year since 2023, against the target' })
  admittedByYear: AdmittedYearDto[];
  @ApiProperty({
    type: [CountDto],
    description:
      'enterprises by the stage they were at when `asOf` ended (now, this year), every stage; ' +
      'GET /api/enterprises?stage=<key> lists them, for a past year with &stageOn=<asOf>',
  })
  stages: CountDto[];
  @ApiProperty({ type: RevenueDoublingDto }) revenueDoubling: RevenueDoublingDto;
  @ApiProperty({ type: ProblemStatsDto }) problems: ProblemStatsDto;
  @ApiProperty({ type: OverdueTasksDto }) overdueTasks: OverdueTasksDto;
  @ApiProperty({ type: EndingsDto }) endings: EndingsDto;
}
