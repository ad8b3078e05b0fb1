import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { MembershipQueryDto } from '../dtos/problem.dto';
import { PoolService } from '../services/pool.service';
import { CreditCodePipe } from './params';

@ApiTags('pool')
@ApiBearerAuth()
@Controller('pool')
export class PoolController {
  constructor(private readonly pool: PoolService) {}

  @Get('membership/:creditCode')
  @ApiOperation({ summary: '入库核验 Was the enterprise a pool member on a date? (二(六) +3 points)' })
  membership(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Query() q: MembershipQueryDto,
  ) {
    return this.pool.membership(actor, creditCode, q.date);
  }
}
