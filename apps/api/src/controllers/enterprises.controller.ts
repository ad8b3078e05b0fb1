import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import {
  EnterpriseDetailDto,
  EnterpriseListDto,
  EnterpriseQueryDto,
  StatechartDto,
} from '../dtos/enterprise.dto';
import { HistoryEntryDto } from '../dtos/history.dto';
import { ApiDoc } from '../openapi/api-doc';
import { EnterprisesService } from '../services/enterprises.service';
import { HistoryService } from '../services/history.service';
import { PrintoutsService } from '../services/printouts.service';
import { CreditCodePipe } from './params';
import { PDF, pdfInline } from './pdf';
import { XLSX, xlsxDownload } from './xlsx';
import { ExportsService } from '../services/exports.service';
import { ClusterFilterService } from '../services/cluster-filter.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly histories: HistoryService,
    private readonly printouts: PrintoutsService,
    private readonly exports: ExportsService,
    private readonly clusterFilter: ClusterFilterService,
  ) {}

  @Get()
  @ApiDoc({
    summary: '企业列表 Enterprises in scope',
    description:
      'Only enterprises within the caller’s scope; `total` counts the same. inPoolOn, admittedIn, ' +
      'doubling, stage with stageOn, and leftIn, leftAs, leftFor give the enterprises behind a number ' +
      'of GET /api/reports/kpi; each item has the step ' +
      'it waits on (the open task due first that the caller may see), its handler and due date.',
    ok: EnterpriseListDto,
    errors: [400, 401],
  })
  async list(@CurrentActor() actor: Actor, @Query() q: EnterpriseQueryDto) {
    await this.clusterFilter.check(q.cluster);
    return this.enterprises.list(actor, {
      ...enterpriseFilter(q),
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }

  @Get('export.xlsx')
  @ApiDoc({
    summary: '导出企业名单 The enterprise list as .xlsx: stage, current step, handler, due date',
    description:
      'The same filters and scope as the list; page and pageSize are ignored (at most 10000 rows).',
    ok: { file: XLSX },
    errors: [400, 401],
  })
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: EnterpriseQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    await this.clusterFilter.check(q.cluster);
    const file = await this.exports.enterpriseList(actor, enterpriseFilter(q));
    return xlsxDownload(res, 'enterprises.xlsx', '企业名单.xlsx', file);
  }

  @Get(':creditCode')
  @ApiDoc({ summary: '企业详情 An enterprise', ok: EnterpriseDetailDto, errors: [400, 401, 404] })
  detail(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.enterprises.detail(actor, creditCode);
  }

  @Get(':creditCode/history')
  @ApiDoc({
    summary: '流程历史 Who did what, when: read from the Temporal histories of every lifecycle and run',
    description: 'Oldest first; earlier lifecycles and continue-as-new runs included.',
    ok: [HistoryEntryDto],
    errors: [400, 401, 404],
  })
  history(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.histories.history(actor, creditCode);
  }

  @Get(':creditCode/dossier.pdf')
  @ApiDoc({
    summary: '打印一企一档 The enterprise’s dossier as an A4 PDF',
    description:
      'The current lifecycle: data, criteria, every opinion, diagnosis, ledger, quarterly figures, membership and evidence, with the same scope and redaction as the JSON reads.',
    ok: { file: PDF },
    errors: [400, 401, 404],
  })
  async dossier(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.printouts.dossier(actor, creditCode);
    return pdfInline(res, `dossier-${creditCode}.pdf`, `一企一档-${creditCode}.pdf`, file);
  }

  @Get(':creditCode/statechart')
  @ApiDoc({
    summary: '流程图 The statechart and the current state',
    ok: StatechartDto,
    errors: [400, 401, 404],
  })
  statechart(@CurrentActor() actor: Actor, @Param('creditCode', CreditCodePipe) creditCode: string) {
    return this.enterprises.statechart(actor, creditCode);
  }
}

function enterpriseFilter(q: EnterpriseQueryDto) {
  return {
    stage: q.stage,
    district: q.district,
    cluster: q.cluster,
    q: q.q,
    inPoolOn: q.inPoolOn,
    admittedIn: q.admittedIn,
    doubling: q.doubling,
    stageOn: q.stageOn,
    leftIn: q.leftIn,
    leftAs: q.leftAs,
    leftFor: q.leftFor,
  };
}
