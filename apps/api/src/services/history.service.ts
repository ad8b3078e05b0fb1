import { Injectable } from '@nestjs/common';
import { Actor, NamedHistoryEntry, NotFound, t, visibleHistory } from '@hardtech/domain';
import { LifecycleClient } from '@hardtech/temporal';
import { EnterprisesRepository, UsersRepository } from '@hardtech/persistence';
import { readLifecycleHistory } from '../history/lifecycle-history';

/**
 * GET /api/enterprises/:creditCode/history: read from Temporal's event histories of every run of
 * `enterprise/<credit code>`: earlier lifecycles (re-nominations start a new run of the same id)
 * and the runs continue-as-new chained, oldest first; what the caller may read of them
 * (libs/domain/src/visibility).
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersRepository,
  ) {}

  async history(actor: Actor, creditCode: string): Promise<NamedHistoryEntry[]> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    const runs = await this.lifecycles.runs(creditCode);
    const entries = visibleHistory(
      actor.role,
      readLifecycleHistory(runs, (p) => this.lifecycles.decode(p)),
    );
    // Officers read 张三, not zhangsan: one query for the names of the actors the reader may see.
    const names = await this.users.displayNames(
      entries.map((e) => e.actor).filter((a): a is string => !!a && a !== 'system'),
    );
    return entries.map((e) => ({
      ...e,
      actorName: e.actor && e.actor !== 'system' ? (names.get(e.actor) ?? e.actor) : null,
    }));
  }
}
