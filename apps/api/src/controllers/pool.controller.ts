import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { MembershipQueryDto } from '../dtos/problem.dto';
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
  @ApiProduces(XLSX)
  @ApiOperation({
    summary: '导出帮扶库企业名单 The pool list as .xlsx: members now, with 三年倍增 (money in 万元)',
  })
  async export(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return xlsxDownload(res, 'pool-list.xlsx', '帮扶库企业名单.xlsx', await this.exports.poolList(actor));
  }

  @Get('membership/:creditCode')
  @ApiOperation({
    summary: '入库核验 Was the enterprise a pool member on a date? (二(六) +3 points)',
    description:
      'Every check is audited (action pool.membership_checked), also one outside the caller’s scope.',
  })
  membership(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Query() q: MembershipQueryDto,
  ) {
    return this.pool.membership(actor, creditCode, q.date);
  }
}
