import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, tallyOverdue } from '@hardtech/domain';
import { OverdueRepository } from '@hardtech/persistence';
import { CurrentActor } from '../auth/decorators';
import { OverdueSummaryDto } from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks/overdue')
export class OverdueController {
  constructor(private readonly overdue: OverdueRepository) {}

  @Get('summary')
  @ApiDoc({
    summary: '逾期统计 Overdue open tasks by department and district, within scope',
    ok: OverdueSummaryDto,
    errors: [401],
  })
  async summary(@CurrentActor() actor: Actor) {
    // The dashboard's 逾期任务 bars are the same tally (tallyOverdue) of the same rows.
    const tally = tallyOverdue(await this.overdue.summary(actor));
    return {
      total: tally.total,
      byDepartment: tally.byDepartment.map((b) => ({ department: b.key, label: b.label, count: b.n })),
      byDistrict: tally.byDistrict.map((b) => ({ district: b.key, label: b.label, count: b.n })),
    };
  }
}
