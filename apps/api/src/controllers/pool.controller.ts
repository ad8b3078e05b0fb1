import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { MembershipAnswerDto, MembershipQueryDto } from '../dtos/problem.dto';
import { ApiDoc } from '../openapi/api-doc';
import { ExportsService } from '../services/exports.service';
import { PoolService } from '../services/pool.service';
import { CreditCodePipe } from './params';
import { XLSX, xlsxDownload } from './xlsx';

@ApiTags('pool')
@ApiBearerAuth()
@Controller('pool')
export class PoolController {
  constructor(
    private readonly pool: PoolService,
    private readonly exports: ExportsService,
  ) {}

  @Get('export.xlsx')
  @ApiDoc({
    summary: '导出帮扶库企业名单 The pool list as .xlsx: members now, with 三年倍增 (money in 万元)',
    ok: { file: XLSX },
    errors: [401],
  })
  async export(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsxDownload(res, 'pool-list.xlsx', '帮扶库企业名单.xlsx', await this.exports.poolList(actor));
  }

  @Get('membership/:creditCode')
  @ApiDoc({
    summary: '入库核验 Was the enterprise a pool member on a date? (二(六) +3 points)',
    description:
      'A member from the admission day to the day it left, both included (unlike the pool’s counts, ' +
      'which no longer count it on the day it left). Every check is audited (action ' +
      'pool.membership_checked), also one outside the caller’s scope.',
    ok: MembershipAnswerDto,
    errors: [400, 401, 404],
  })
  membership(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Query() q: MembershipQueryDto,
  ) {
    return this.pool.membership(actor, creditCode, q.date);
  }
}
