import { Body, Controller, Get, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CASE_OFFICER_ROLES, PROBLEM_WORK_FIELDS } from '@hardtech/domain';
import type { Actor } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { LedgerDto, ProblemDetailDto, ProblemQueryDto, ProblemWorkAnswerDto } from '../dtos/problem.dto';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { ExportsService } from '../services/exports.service';
import { ProblemWorkService } from '../services/problem-work.service';
import { ProblemsService } from '../services/problems.service';
import { ClusterFilterService } from '../services/cluster-filter.service';
import { IdPipe } from './params';
import { XLSX, xlsxDownload } from './xlsx';

/** Who works a problem: the owner departments' officers and the service commissioner (the workflow checks which). */
const PROBLEM_WORKERS = CASE_OFFICER_ROLES;

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly exports: ExportsService,
    private readonly work: ProblemWorkService,
    private readonly clusterFilter: ClusterFilterService,
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
    await this.clusterFilter.check(q.cluster);
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
  async list(@CurrentActor() actor: Actor, @Query() q: ProblemQueryDto) {
    await this.clusterFilter.check(q.cluster);
    return this.problems.list(actor, { ...ledgerFilter(q), page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
  }

  @Get(':id')
  @ApiDoc({
    summary: '台账问题 One ledger problem with its progress',
    description:
      'Within the caller’s scope (404 outside). An enterprise reads its own problems without the officers’ notes or names (ledger notes, docs/security.md).',
    ok: ProblemDetailDto,
    errors: [400, 401, 404],
  })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.work.get(actor, id);
  }

  @Post(':id/progress')
  @Roles(...PROBLEM_WORKERS)
  @ApiBody({ schema: formSchema(PROBLEM_WORK_FIELDS.progress) })
  @ApiDoc({
    summary: '记录化解进展 Record progress on a problem',
    description:
      'By the owner department’s officers or the enterprise’s service commissioner (403 for others); the first moves `open` to `in_progress`; 422 once resolved; 409 LIFECYCLE_ENDED once the enterprise graduated, exited or was not admitted.',
    ok: ProblemWorkAnswerDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  progress(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: unknown) {
    return this.work.work(actor, id, 'progress', body);
  }

  @Post(':id/close-request')
  @Roles(...PROBLEM_WORKERS)
  @ApiBody({ schema: formSchema(PROBLEM_WORK_FIELDS.close_request) })
  @ApiDoc({
    summary: '申请销号 Ask to close out a problem',
    description:
      'Status `closing` and a PROBLEM_CLOSE task for the city coordinators (outcomes confirm → resolved, reject → in_progress; `opinion` required). 409 while one is pending, and LIFECYCLE_ENDED once the enterprise’s lifecycle ended.',
    ok: ProblemWorkAnswerDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  closeRequest(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: unknown) {
    return this.work.work(actor, id, 'close_request', body);
  }

  @Post(':id/extend')
  @Roles(...PROBLEM_WORKERS)
  @ApiBody({ schema: formSchema(PROBLEM_WORK_FIELDS.extend) })
  @ApiDoc({
    summary: '申请延期 Ask for more time',
    description:
      'A PROBLEM_EXTENSION task for the city coordinators (approve moves the due date, reject keeps it). The new date must be later than the current one and not in the past (422); 409 while one is pending, and LIFECYCLE_ENDED once the enterprise’s lifecycle ended.',
    ok: ProblemWorkAnswerDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  extend(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: unknown) {
    return this.work.work(actor, id, 'extend', body);
  }

  @Patch(':id')
  @Roles('city_coordinator')
  @ApiBody({ schema: formSchema(PROBLEM_WORK_FIELDS.handling) })
  @ApiDoc({
    summary: '一企一策 / 一事一议 Set a problem’s special handling',
    description:
      'City coordinators only; `handling: null` removes it. 422 PROBLEM_RESOLVED once resolved (销号); 409 LIFECYCLE_ENDED once the enterprise’s lifecycle ended.',
    ok: ProblemWorkAnswerDto,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  handling(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: unknown) {
    return this.work.work(actor, id, 'handling', body);
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
    cluster: q.cluster,
    q: q.q?.trim() || undefined,
    overdue: q.overdue === 'true',
  };
}
