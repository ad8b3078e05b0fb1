import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, shanghaiDate } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { KpiDto, KpiQueryDto } from '../dtos/report.dto';
import { ApiDoc } from '../openapi/api-doc';
import { ExportsService } from '../services/exports.service';
import { ReportsService } from '../services/reports.service';
import { XLSX, xlsxDownload } from './xlsx';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('kpi')
  @ApiDoc({
    summary: '帮扶库总览 KPI of the pool, within the caller’s scope',
    description:
      'Pool size now and by month, admissions against the annual target, 三年倍增 by enterprise and cohort, ' +
      'ledger statistics, overdue tasks by department and district, graduations and exits with reasons.',
    ok: KpiDto,
    errors: [400, 401],
  })
  kpi(@CurrentActor() actor: Actor, @Query() q: KpiQueryDto) {
    return this.reports.kpi(actor, q.year ?? thisYear());
  }

  @Get('kpi.xlsx')
  @ApiDoc({
    summary: '导出帮扶库总览 The KPI tables as .xlsx (Chinese headers, money in 万元)',
    ok: { file: XLSX },
    errors: [400, 401],
  })
  async kpiXlsx(
    @CurrentActor() actor: Actor,
    @Query() q: KpiQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const year = q.year ?? thisYear();
    const file = await this.exports.kpiTables(await this.reports.kpi(actor, year));
    return xlsxDownload(res, `kpi-${year}.xlsx`, `帮扶库总览-${year}.xlsx`, file);
  }
}

function thisYear(): number {
  return Number(shanghaiDate(new Date()).slice(0, 4));
}
