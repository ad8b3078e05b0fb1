import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { LedgerDto, ProblemQueryDto } from '../dtos/problem.dto';
import { ApiDoc } from '../openapi/api-doc';
import { ExportsService } from '../services/exports.service';
import { ProblemsService } from '../services/problems.service';
import { XLSX, xlsxDownload } from './xlsx';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('export.xlsx')
  @ApiDoc({
    summary: '导出化解问题台账 The problem ledger as .xlsx (Chinese headers)',
    description:
      'The same filters and scope as the list; page and pageSize are ignored (at most 10000 rows).',
    ok: { file: XLSX },
    errors: [400, 401],
  })
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: ProblemQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.problemLedger(actor, ledgerFilter(q));
    return xlsxDownload(res, 'problem-ledger.xlsx', '化解问题台账.xlsx', file);
  }

  @Get()
  @ApiDoc({
    summary: '化解问题台账 The problem ledger',
    description: 'Owner departments see their own problems; others those of enterprises in scope.',
    ok: LedgerDto,
    errors: [400, 401],
  })
  list(@CurrentActor() actor: Actor, @Query() q: ProblemQueryDto) {
    return this.problems.list(actor, { ...ledgerFilter(q), page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
  }
}

/** The ledger's filters, the same for the list and its export. */
function ledgerFilter(q: ProblemQueryDto) {
  return {
    owner: q.owner,
    status: q.status,
    category: q.category,
    creditCode: q.creditCode,
    district: q.district,
    overdue: q.overdue === 'true',
  };
}
