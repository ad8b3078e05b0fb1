import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, districtText, TASK_DEPARTMENT_LABELS, TaskDepartment } from '@hardtech/domain';
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
    const rows = await this.overdue.summary(actor);
    const sum = (key: 'department' | 'district') => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r[key] ?? 'tech', (counts.get(r[key] ?? 'tech') ?? 0) + r.n);
      return [...counts].sort((a, b) => b[1] - a[1]);
    };
    return {
      total: rows.reduce((n, r) => n + r.n, 0),
      byDepartment: sum('department').map(([department, count]) => ({
        department,
        label: TASK_DEPARTMENT_LABELS[department as TaskDepartment] ?? { zh: department, en: department },
        count,
      })),
      byDistrict: sum('district').map(([district, count]) => ({
        district,
        label: districtText(district),
        count,
      })),
    };
  }
}
