import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, BRIEFING_READERS, KPI_READERS, quarterOf, quarterSpan, shanghaiDate } from '@hardtech/domain';
import { DispatchBriefingService } from '../briefing/dispatch-briefing.service';
import { DOCX } from '../briefing/docx-printout';
import { CurrentActor, Roles } from '../auth/decorators';
import { BriefingQueryDto, KpiDto, KpiQueryDto } from '../dtos/report.dto';
import { fileAnswer } from './file-answer';
import { ApiDoc } from '../openapi/api-doc';
import { ExportsService } from '../services/exports.service';
import { ReportsService } from '../services/reports.service';
import { ClusterFilterService } from '../services/cluster-filter.service';
import { XLSX, xlsxDownload } from './xlsx';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ExportsService,
    private readonly briefing: DispatchBriefingService,
    private readonly clusterFilter: ClusterFilterService,
  ) {}

  @Get('kpi')
  @Roles(...KPI_READERS)
  @ApiDoc({
    summary: '帮扶库总览 KPI of the pool, within the caller’s scope',
    description:
      'Pool size now and by month, admissions against the annual target, 三年倍增 by enterprise and cohort, ' +
      'ledger statistics, overdue tasks by department and district, graduations and exits with reasons. ' +
      '`cluster` narrows every figure to one cluster within the scope, as the lists behind them filter; ' +
      '`city` then holds the city’s figures. ' +
      'An enterprise user is refused (403): its home page reads GET /api/enterprises/{creditCode}.',
    ok: KpiDto,
    errors: [400, 401, 403],
  })
  async kpi(@CurrentActor() actor: Actor, @Query() q: KpiQueryDto) {
    await this.clusterFilter.check(q.cluster);
    return this.reports.kpi(actor, q.year ?? thisYear(), q.cluster);
  }

  @Get('kpi.xlsx')
  @Roles(...KPI_READERS)
  @ApiDoc({
    summary: '导出帮扶库总览 The KPI tables as .xlsx (Chinese headers, money in 万元)',
    description: 'GET /api/reports/kpi’s tables; an enterprise user is refused (403) as there.',
    ok: { file: XLSX },
    errors: [400, 401, 403],
  })
  async kpiXlsx(
    @CurrentActor() actor: Actor,
    @Query() q: KpiQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const year = q.year ?? thisYear();
    await this.clusterFilter.check(q.cluster);
    const file = await this.exports.kpiTables(await this.reports.kpi(actor, year, q.cluster));
    return xlsxDownload(res, `kpi-${year}.xlsx`, `帮扶库总览-${year}.xlsx`, file);
  }

  @Get('dispatch-briefing.docx')
  @Roles(...BRIEFING_READERS)
  @ApiDoc({
    summary: '调度会材料 The quarterly meeting pack as .docx (coordinators, leaders, auditors)',
    description:
      'Pool size, admitted this year against the annual target, 三年倍增 with the members behind the path ' +
      'named, the ledger by category and owner department with the overdue problems named, the quarter’s ' +
      'whistles and escalations, the overdue tasks named (who holds each, how late), a table per district. ' +
      'Its figures are GET /api/reports/kpi’s of the same ' +
      'day for the quarter’s year, within the caller’s scope. `cluster` narrows every figure and list ' +
      'to one cluster, as it narrows GET /api/reports/kpi; the title and the file name then say it ' +
      '(调度会材料（先进制造·T2）-2026Q4.docx). An unknown code is a 400 naming `cluster`.',
    ok: { file: DOCX },
    errors: [400, 401, 403],
  })
  async dispatchBriefing(
    @CurrentActor() actor: Actor,
    @Query() q: BriefingQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    // The DTO admits only 20YYQn, which always has a span.
    const span = quarterSpan(q.quarter ?? quarterOf(new Date()))!;
    await this.clusterFilter.check(q.cluster);
    const { file, fileName } = await this.briefing.docx(actor, span, q.cluster);
    return fileAnswer(res, file, {
      type: DOCX,
      disposition: 'attachment',
      asciiName: `dispatch-briefing-${span.quarter}${q.cluster ? `-${q.cluster}` : ''}.docx`,
      chineseName: fileName,
    });
  }
}

function thisYear(): number {
  return Number(shanghaiDate(new Date()).slice(0, 4));
}
