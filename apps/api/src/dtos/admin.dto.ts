import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TASK_TYPES } from '@hardtech/domain';
import { PageDto, PageQueryDto, TextDto } from './common.dto';
import { OpenedTaskDto } from './task.dto';

export class TriggerDispatchDto {
  @ApiPropertyOptional({
    example: '2026Q3',
    description: 'the quarter to report; by default the previous quarter',
  })
  @IsOptional()
  @Matches(/^\d{4}Q[1-4]$/)
  quarter?: string;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2004)
  @Max(2100)
  year?: number;
}

export class CalendarDayDto {
  @ApiProperty({
    enum: ['workday', 'holiday'],
    description: 'holiday: a weekday off; workday: a weekend day worked (调休)',
  })
  @IsIn(['workday', 'holiday'])
  kind: 'workday' | 'holiday';

  @ApiPropertyOptional({ example: '元旦' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?:
    'true' | 'false';
}

// ---- answers ------------------------------------------------------------------------------------

export class PolicyVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ description: 'username of who published it (`system` for the installed first version)' })
  createdBy: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'their display name; null for the system or an account that no longer exists',
  })
  createdByName: string | null;
  @ApiProperty({ type: TextDto, nullable: true, description: 'their department, as a 审批单 names it' })
  createdByDepartment: TextDto | null;
  @ApiProperty() createdAt: string;
}

export class DispatchResultDto {
  @ApiProperty({ example: '2026Q3' }) quarter: string;
  @ApiProperty({ description: 'enterprises in supporting that were ticked' }) members: number;
  @ApiProperty() workflowId: string;
}

export class ScheduleRunDto {
  @ApiProperty() scheduledAt: string;
  @ApiProperty() takenAt: string;
  @ApiProperty() workflowId: string;
}

export class ScheduleDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: TextDto, description: 'what the schedule does and when, in both languages' })
  description: TextDto;
  @ApiProperty({ type: String, nullable: true }) timezone: string | null;
  @ApiProperty() paused: boolean;
  @ApiProperty() overlap: string;
  @ApiProperty({ type: [String] }) nextRunTimes: string[];
  @ApiProperty({ type: [ScheduleRunDto] }) recentRuns: ScheduleRunDto[];
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: [
      'task_opened',
      'reminder',
      'escalation',
      'urge',
      'cc',
      'reopened',
      'problem_decided',
      'whistle_answered',
      'digest',
      'briefing',
      'calendar',
    ],
  })
  kind: string;
  @ApiProperty({ type: TextDto }) text: TextDto;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'null for a digest' })
  taskId: string | null;
  @ApiProperty({ enum: TASK_TYPES, type: String, nullable: true }) taskType: string | null;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a digest' }) dueAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026Q4',
    description: 'a briefing’s quarter: GET /api/reports/dispatch-briefing.docx?quarter= downloads it',
  })
  quarter: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'read, or about a task that is no longer open (nothing left to do)' })
  read: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'whether its task is still open; null when it is about no task',
  })
  taskOpen: boolean | null;
  @ApiProperty({
    enum: ['open', 'done', 'cancelled'],
    nullable: true,
    description:
      'its task’s status: a cancelled one was left undone (退回, or 撤回 of the completion that opened it); null when about no task',
  })
  taskStatus: 'open' | 'done' | 'cancelled' | null;
}

export class NotificationListDto extends PageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ description: 'unread notifications in all' }) unread: number;
}

export class NotificationReadDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [true] }) read: true;
}

export class NotificationsReadDto {
  @ApiProperty() marked: number;
}

export class OverdueByDepartmentDto {
  @ApiProperty() department: string;
  @ApiProperty({ type: TextDto }) label: TextDto;
  @ApiProperty() count: number;
}

export class OverdueByDistrictDto {
  @ApiProperty() district: string;
  @ApiProperty({ type: TextDto, description: 'the district’s name (渝北区, Yubei District)' }) label: TextDto;
  @ApiProperty() count: number;
}

export class OverdueSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [OverdueByDepartmentDto] }) byDepartment: OverdueByDepartmentDto[];
  @ApiProperty({ type: [OverdueByDistrictDto] }) byDistrict: OverdueByDistrictDto[];
}

export class WhistleResultDto {
  @ApiProperty({ format: 'uuid' }) whistleId: string;
  @ApiProperty({ format: 'uuid', description: 'the ledger problem (new when none was named)' })
  problemId: string;
  @ApiProperty({ type: OpenedTaskDto, description: 'the owner department’s WHISTLE_RESPONSE' })
  task: OpenedTaskDto;
}

export class CalendarEntryDto {
  @ApiProperty({ example: '2026-10-01' }) date: string;
  @ApiProperty({ enum: ['workday', 'holiday'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: ['package', 'override'] }) source: string;
}

export class CalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [CalendarEntryDto] }) days: CalendarEntryDto[];
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() emailEnabled: boolean;
  @ApiProperty({ type: String, nullable: true, description: '企业微信群机器人 webhook' }) wecomWebhook:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: '钉钉群机器人 webhook' }) dingtalkWebhook:
    string | null;
  @ApiProperty({ description: 'a DingTalk signing secret is stored (it is never shown)' })
  dingtalkSecretSet: boolean;
  @ApiProperty({ description: 'a digest each working-day morning' }) digest: boolean;
  @ApiProperty({ type: String, nullable: true, description: '企业微信 UserID (kept on the user)' })
  wecomUserId: string | null;
  @ApiProperty({ description: '企业微信 application messages to wecomUserId' }) wecomApp: boolean;
  @ApiProperty({ type: String, nullable: true, description: '钉钉 userid (kept on the user)' })
  dingtalkUserId: string | null;
  @ApiProperty({ description: '钉钉 work notices to dingtalkUserId' }) dingtalkApp: boolean;
}
