import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, POLICY_FIELDS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { DispatchResultDto, PolicyVersionDto, ScheduleDto, TriggerDispatchDto } from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { DispatchService } from '../services/dispatch.service';
import { PolicyService } from '../services/policy.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'city_coordinator')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly policy: PolicyService,
    private readonly dispatch: DispatchService,
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

  @Post('quarterly-dispatch/trigger')
  @ApiDoc({
    summary: '立即执行季度调度 Run the quarterly dispatch now',
    description: 'Ticks every enterprise in supporting; a quarter already ticked changes nothing.',
    ok: DispatchResultDto,
    errors: [400, 401, 403, 413],
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
