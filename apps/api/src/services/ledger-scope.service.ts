import { Injectable } from '@nestjs/common';
import {
  Actor,
  groupsOf,
  HistoryEntry,
  LedgerScope,
  ledgerScope,
  readsOwnLedgerOnly,
  WHOLE_LEDGER,
} from '@hardtech/domain';
import { ProblemsRepository, TasksRepository } from '@hardtech/persistence';

/**
 * What of an enterprise's ledger the caller reads (libs/domain/src/visibility/ledger-scope.ts), for
 * the outputs that carry more than one problem's doings: its history, its page, its case files.
 */
@Injectable()
export class LedgerScopeService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly tasks: TasksRepository,
  ) {}

  /** The scope; `history` names the 部门报到 whose task row does not. Looked up for departments only. */
  async of(actor: Actor, creditCode: string, history: readonly HistoryEntry[] = []): Promise<LedgerScope> {
    if (!readsOwnLedgerOnly(actor.role)) return WHOLE_LEDGER;
    const [readable, tasks] = await Promise.all([
      this.problems.readableIdsOf(actor, creditCode),
      this.tasks.ledgerTasksOf(creditCode),
    ]);
    return ledgerScope(readable, tasks, groupsOf(actor), history);
  }
}
