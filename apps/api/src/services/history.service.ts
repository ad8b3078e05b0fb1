import { Injectable } from '@nestjs/common';
import { Actor, NotFound, t, visibleHistory } from '@hardtech/domain';
import { LifecycleClient } from '@hardtech/temporal';
import { EnterprisesRepository } from '@hardtech/persistence';
import { HistoryEntry, readLifecycleHistory } from '../history/lifecycle-history';

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
  ) {}

  async history(actor: Actor, creditCode: string): Promise<HistoryEntry[]> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    const runs = await this.lifecycles.runs(creditCode);
    return visibleHistory(
      actor.role,
      readLifecycleHistory(runs, (p) => this.lifecycles.decode(p)),
    );
  }
}
