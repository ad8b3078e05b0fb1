import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, POLICY_FIELDS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { TriggerDispatchDto } from '../dtos/admin.dto';
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
  @ApiOperation({ summary: '现行政策参数 The active policy version' })
  active() {
    return this.policy.active();
  }

  @Put('policy')
  @ApiBody({ schema: formSchema(POLICY_FIELDS) })
  @ApiOperation({
    summary: '修改政策参数 Store a new policy version',
    description:
      'The whole policy as GET returns it; `version` is ignored. Tasks created from now on use it.',
  })
  replace(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.policy.replace(actor, body);
  }

  @Get('policy/versions')
  @ApiOperation({ summary: '政策版本 The policy versions, newest first' })
  versions() {
    return this.policy.versions();
  }

  @Post('quarterly-dispatch/trigger')
  @HttpCode(200)
  @ApiOperation({
    summary: '立即执行季度调度 Run the quarterly dispatch now',
    description: 'Ticks every enterprise in supporting; a quarter already ticked changes nothing.',
  })
  trigger(@Body() dto: TriggerDispatchDto) {
    return this.dispatch.trigger(dto.quarter);
  }

  @Get('schedules')
  @ApiOperation({ summary: '定时任务 The quarterly schedule and its next run times' })
  schedules() {
    return this.dispatch.schedules();
  }
}
