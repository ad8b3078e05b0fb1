import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { EnterpriseQueryDto } from '../dtos/enterprise.dto';
import { HistoryEntryDto } from '../dtos/history.dto';
import { EnterprisesService } from '../services/enterprises.service';
import { HistoryService } from '../services/history.service';
import { CreditCodePipe } from './params';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly histories: HistoryService,
  ) {}

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

  @Get(':creditCode/history')
  @ApiOperation({
    summary: '流程历史 Who did what, when: read from the Temporal histories of every lifecycle and run',
    description: 'Oldest first; earlier lifecycles and continue-as-new runs included.',
  })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.histories.history(actor, creditCode);
  }

  @Get(':creditCode/statechart')
  @ApiOperation({ summary: '流程图 The statechart and the current state' })
  statechart(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.enterprises.statechart(actor, creditCode);
  }
}
