import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { LedgerDto, ProblemQueryDto } from '../dtos/problem.dto';
import { ApiDoc } from '../openapi/api-doc';
import { ProblemsService } from '../services/problems.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  @ApiDoc({
    summary: '化解问题台账 The problem ledger',
    description: 'Owner departments see their own problems; others those of enterprises in scope.',
    ok: LedgerDto,
    errors: [400, 401],
  })
  list(@CurrentActor() actor: Actor, @Query() q: ProblemQueryDto) {
    return this.problems.list(actor, {
      owner: q.owner,
      status: q.status,
      category: q.category,
      creditCode: q.creditCode,
      district: q.district,
      overdue: q.overdue === 'true',
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    });
  }
}
