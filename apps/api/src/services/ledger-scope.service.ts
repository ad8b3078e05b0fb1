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
import {
  EnterprisesRepository,
  ProblemEntity,
  ProblemsRepository,
  TasksRepository,
} from '@hardtech/persistence';

/**
 * What of an enterprise's ledger the caller reads (libs/domain/src/visibility/ledger-scope.ts), for
 * the outputs that carry more than one problem's doings: its history, its page, its case files, the
 * task page of a step that lists the ledger.
 */
@Injectable()
export class LedgerScopeService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly tasks: TasksRepository,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  /** The scope; `history` names the 部门报到 whose task row does not. Looked up for departments only. */
  async of(actor: Actor, creditCode: string, history: readonly HistoryEntry[] = []): Promise<LedgerScope> {
    if (!readsOwnLedgerOnly(actor.role)) return WHOLE_LEDGER;
    return this.departmentScope(actor, creditCode, this.problems.readableIdsOf(actor, creditCode), history);
  }

  /**
   * A case file's ledger: the lifecycle's problems the caller reads, in the ledger's order, and the
   * scope they make, with the problems read once. The scope's `readable` is the lifecycle's: a case
   * file holds that lifecycle's steps only, each about a problem of its own lifecycle.
   */
  async ofLifecycle(
    actor: Actor,
    creditCode: string,
    lifecycleNo: number,
  ): Promise<{ problems: ProblemEntity[]; scope: LedgerScope }> {
    const read = this.problems.ofLifecycle(actor, creditCode, lifecycleNo);
    if (!readsOwnLedgerOnly(actor.role)) return { problems: await read, scope: WHOLE_LEDGER };
    const readable = read.then((problems) => problems.map((p) => p.id));
    const [problems, scope] = await Promise.all([read, this.departmentScope(actor, creditCode, readable)]);
    return { problems, scope };
  }

  /**
   * 中小企业处 / 产业金融处's scope (`of`'s and `ofLifecycle`'s): the problems they read, given as
   * `readable`, beside the enterprise's ledger tasks, read at the same time.
   */
  private async departmentScope(
    actor: Actor,
    creditCode: string,
    readable: Promise<string[]>,
    history: readonly HistoryEntry[] = [],
  ): Promise<LedgerScope> {
    const [ids, tasks] = await Promise.all([readable, this.tasks.ledgerTasksOf(creditCode)]);
    return ledgerScope(ids, tasks, groupsOf(actor), history);
  }

  /**
   * A lifecycle's problems the caller reads, oldest first, in one read (the enterprise page's): for
   * 中小企业处 / 产业金融处 their department's, by the rule their `readable` is read by
   * (AccessService.problems); every other reader who sees the enterprise reads its whole ledger.
   */
  problemsOf(actor: Actor, creditCode: string, lifecycleNo: number): Promise<ProblemEntity[]> {
    return readsOwnLedgerOnly(actor.role)
      ? this.problems.ofLifecycle(actor, creditCode, lifecycleNo, 'created')
      : this.enterprises.problemsOf(creditCode, lifecycleNo);
  }
}
