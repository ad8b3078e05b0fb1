import { Injectable } from '@nestjs/common';
import {
  Actor,
  historyWithinLedgerScope,
  NamedHistoryEntry,
  NotFound,
  t,
  visibleHistory,
} from '@hardtech/domain';
import { LifecycleClient } from '@hardtech/temporal';
import { EnterprisesRepository, UsersRepository } from '@hardtech/persistence';
import { namedHistoryEntry, peopleOfHistory, withCopiesNamed } from '../history/history-names';
import { readLifecycleHistory } from '../history/lifecycle-history';
import { LedgerScopeService } from './ledger-scope.service';

/**
 * GET /api/enterprises/:creditCode/history: read from Temporal's event histories of every run of
 * `enterprise/<credit code>`: earlier lifecycles (re-nominations start a new run of the same id)
 * and the runs continue-as-new chained, oldest first; of the lifecycles the caller may read
 * (`lifecyclesSeen`), of their ledger (the two departments: their own problems, `LedgerScopeService`),
 * what they may read of them (libs/domain/src/visibility).
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly enterprises: EnterprisesRepository,
    private readonly users: UsersRepository,
    private readonly ledger: LedgerScopeService,
  ) {}

  async history(actor: Actor, creditCode: string): Promise<NamedHistoryEntry[]> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    const [runs, seen] = await Promise.all([
      this.lifecycles.runs(creditCode),
      this.enterprises.lifecyclesSeen(actor, creditCode),
    ]);
    // An earlier lifecycle's steps are read by those who may read its tasks: nominated again in
    // another district, the enterprise does not bring the first district's opinions to the next.
    const read = readLifecycleHistory(runs, (p) => this.lifecycles.decode(p)).filter(
      (e) => e.lifecycleNo === null || seen.includes(e.lifecycleNo),
    );
    // 中小企业处 / 产业金融处: what is about another department's problem is left out, not blanked,
    // also from the lists an entry holds (the diagnosis's problems, a review's, a run's open tasks).
    const scope = await this.ledger.of(actor, creditCode, read);
    const entries = historyWithinLedgerScope(actor.role, scope, read);
    // Officers read 张三, not zhangsan: one query for the names of everyone the history names.
    const names = await this.users.displayNames(peopleOfHistory(entries));
    return visibleHistory(
      actor.role,
      entries.map((e) => withCopiesNamed(e, names)),
    ).map((e) => namedHistoryEntry(e, names));
  }
}
