import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { MembershipAnswerDto, MembershipQueryDto } from '../dtos/problem.dto';
import { ApiDoc } from '../openapi/api-doc';
import { PoolService } from '../services/pool.service';
import { CreditCodePipe } from './params';

@ApiTags('pool')
@ApiBearerAuth()
@Controller('pool')
export class PoolController {
  constructor(private readonly pool: PoolService) {}

  @Get('membership/:creditCode')
  @ApiDoc({
    summary: '入库核验 Was the enterprise a pool member on a date? (二(六) +3 points)',
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
