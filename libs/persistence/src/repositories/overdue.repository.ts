import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@hardtech/domain';
import { AccessService } from '../access/access.service';

/** Open tasks past their due date, counted by department and by district, within scope. */
@Injectable()
export class OverdueRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  async summary(actor: Actor) {
    const scope = this.access.visibleTasks(actor, 't', 'e');
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT t.department, t.district, count(*)::int AS n
       FROM tasks t JOIN enterprises e ON e.credit_code = t.credit_code
       WHERE t.status = 'open' AND t.due_at < now() AND ${scope.sql}
       GROUP BY t.department, t.district`,
      scope.params,
      {},
    );
    return (await this.ds.query(sql, params)) as { department: string | null; district: string; n: number }[];
  }
}
