import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { EnterpriseQueryDto } from '../dtos/enterprise.dto';
import { EnterprisesService } from '../services/enterprises.service';
import { CreditCodePipe } from './params';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @ApiOperation({ summary: '企业列表 Enterprises in scope' })
  list(@CurrentActor() actor: Actor, @Query() q: EnterpriseQueryDto) {
    return this.enterprises.list(actor, {
      stage: q.stage,
      district: q.district,
      cluster: q.cluster,
      q: q.q,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }

  @Get(':creditCode')
  @ApiOperation({ summary: '企业详情 An enterprise' })
  detail(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.enterprises.detail(actor, creditCode);
  }

  @Get(':creditCode/statechart')
  @ApiOperation({ summary: '流程图 The statechart and the current state' })
  statechart(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.enterprises.statechart(actor, creditCode);
  }
}
