import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, NotFound, POLICY_FIELDS, t } from '@hardtech/domain';
import { CalendarRepository } from '@hardtech/persistence';
import { CurrentActor, Roles } from '../auth/decorators';
import {
  CalendarDayDto,
  CalendarEntryDto,
  CalendarQueryDto,
  CalendarYearDto,
  DispatchResultDto,
  PolicyVersionDto,
  ScheduleDto,
  TriggerDispatchDto,
} from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';
import { DatePipe } from './params';

import { formSchema } from '../openapi/form-schema';
import { DispatchService } from '../services/dispatch.service';
import { PolicyService } from '../services/policy.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('system_admin', 'city_coordinator')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly policy: PolicyService,
    private readonly dispatch: DispatchService,
    private readonly calendar: CalendarRepository,
  ) {}

  @Get('policy')
  @ApiDoc({
    summary: '现行政策参数 The active policy version',
    ok: { schema: formSchema(POLICY_FIELDS) },
    errors: [401, 403],
  })
  active() {
    return this.policy.active();
  }

  @Put('policy')
  @ApiBody({ schema: formSchema(POLICY_FIELDS) })
  @ApiDoc({
    summary: '修改政策参数 Store a new policy version',
    description:
      'The whole policy as GET returns it; `version` is ignored. Tasks created from now on use it.',
    ok: { schema: formSchema(POLICY_FIELDS) },
    errors: [400, 401, 403, 413],
  })
  replace(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.policy.replace(actor, body);
  }

  @Get('policy/versions')
  @ApiDoc({
    summary: '政策版本 The policy versions, newest first',
    ok: [PolicyVersionDto],
    errors: [401, 403],
  })
  versions() {
    return this.policy.versions();
  }

  @Get('calendar')
  @ApiDoc({
    summary: '工作日历 Holidays and make-up working days of a year',
    description: 'From the maintained holiday data, with administrators’ overrides (source: override).',
    ok: CalendarYearDto,
    errors: [400, 401, 403],
  })
  async calendarYear(@Query() q: CalendarQueryDto) {
    const year = q.year ?? new Date().getUTCFullYear();
    return { year, days: await this.calendar.days(`${year}-01-01`, `${year}-12-31`) };
  }

  @Put('calendar/:date')
  @ApiDoc({
    summary: '调整工作日历 Mark a day as worked or off (applies to tasks created afterwards)',
    ok: CalendarEntryDto,
    errors: [400, 401, 403, 404, 413],
  })
  async setDay(
    @CurrentActor() actor: Actor,
    @Param('date', DatePipe) date: string,
    @Body() dto: CalendarDayDto,
  ) {
    await this.calendar.set(date, dto.kind, dto.name ?? null, actor.username);
    return { date, kind: dto.kind, name: dto.name ?? null, source: 'override' };
  }

  @Delete('calendar/:date')
  @ApiDoc({ summary: '撤销调整 Remove an override', ok: null, status: 204, errors: [400, 401, 403, 404] })
  async unsetDay(@Param('date', DatePipe) date: string) {
    if (!(await this.calendar.unset(date))) {
      throw new NotFound('CALENDAR_OVERRIDE_NOT_FOUND', t('该日期没有调整记录', 'no override on this date'));
    }
  }

  @Post('quarterly-dispatch/trigger')
  @ApiDoc({
    summary: '立即执行季度调度 Run the quarterly dispatch now',
    description:
      'Ticks every enterprise in supporting; a quarter already ticked changes nothing. `quarter`: by default the last one that has ended (Beijing time); else that one or the one before it, as the page offers — 422 `QUARTER_NOT_ENDED` for the current or a future quarter, 422 `DISPATCH_QUARTER_TOO_OLD` for an older one, nothing run.',
    ok: DispatchResultDto,
    errors: [400, 401, 403, 413, 422],
  })
  trigger(@Body() dto: TriggerDispatchDto) {
    return this.dispatch.trigger(dto.quarter);
  }

  @Get('schedules')
  @ApiDoc({
    summary: '定时任务 The quarterly schedule and its next run times',
    ok: [ScheduleDto],
    errors: [401, 403, 404],
  })
  schedules() {
    return this.dispatch.schedules();
  }
}
