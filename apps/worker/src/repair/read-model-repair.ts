import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  InboxTask,
  NotificationsRepository,
  PreferencesRepository,
  ReadModelDiff,
  readModelDiff,
  ReadModelRepairRepository,
  RepairReport,
  systemChannels,
  UsersRepository,
} from '@hardtech/persistence';
import {
  answeredWithin,
  completionUpdateId,
  domainErrorFrom,
  LifecycleClient,
  LifecycleView,
} from '@hardtech/temporal';

const POLL_MS = 1000;
const BATCH = 20;
/** A suspect is compared this long after it was noted: transitions in flight have landed by then. */
const GRACE_SECONDS = 3;
/** How far back a starting worker looks: a worker that died may have lost a workflow task. */
const STARTUP_LOOKBACK_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * A state query that has not answered by then is given up (tried again later): a workflow whose
 * task queue has no worker answers no query, and the client would wait its whole RPC deadline.
 */
const QUERY_TIMEOUT_MS = 5_000;
/** A suspect that could not be compared this often is dropped (logged): nothing answers for it. */
const MAX_ATTEMPTS = 10;

/**
 * Keeps the inbox equal to the workflows (docs/design.md, "The read model under faults"). The
 * projection writes inside the workflow task, before that task is durable; when the task is lost
 * (a worker killed, the Temporal server restarted) the inbox can show a completion the workflow
 * never received. Suspected enterprises — an Update that failed without a domain answer (the API
 * notes them), every enterprise a person moved in the minutes before this worker started, and a
 * periodic sweep of those a person moved since (`acted_at`: a quarter tick or a timer cannot be
 * lost with its workflow task) — are compared with their workflow's state query:
 *  1. a completion the inbox shows done but the workflow has open is re-sent as the same Update
 *     (same id when the client gave a key), so a completion whose answer never reached its client is
 *     applied, not lost;
 *  2. whatever still differs (the workflow refused it, a claim or a task the workflow never had) is
 *     made equal to the workflow in one transaction, the authors of reopened tasks are told, and
 *     an audit event says what changed.
 */
@Injectable()
export class ReadModelRepair implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModelRepair');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private sweptUntil = new Date(Date.now() - STARTUP_LOOKBACK_MS);
  private nextSweepAt = 0;

  constructor(
    private readonly repairs: ReadModelRepairRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.poll().finally(() => (this.running = null));
    }, POLL_MS);
  }

  /**
   * Stops polling and gives a running check two seconds: checks are idempotent, and what a stop cuts
   * short the next worker's start finds again (it notes the last ten minutes), so a drain is never
   * held up by a slow query.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.race([this.running, sleep(2000)]);
  }

  private async poll(): Promise<void> {
    try {
      if (Date.now() >= this.nextSweepAt) {
        const first = this.nextSweepAt === 0;
        this.sweptUntil = await this.repairs.suspectProjectedSince(
          this.sweptUntil,
          GRACE_SECONDS,
          first ? 'worker_started' : 'sweep',
        );
        this.nextSweepAt = Date.now() + this.config.readModel.sweepSeconds * 1000;
      }
      // Side by side: a check that waits a second for a second look holds up no other enterprise.
      const suspects = await this.repairs.claim(BATCH, GRACE_SECONDS);
      await Promise.all(
        suspects.map(async (suspect) => {
          try {
            await this.check(suspect.creditCode);
          } catch (e) {
            if (suspect.attempts + 1 >= MAX_ATTEMPTS) {
              this.logger.warn(`${suspect.creditCode}: ${(e as Error).message}; given up`);
              return;
            }
            this.logger.warn(`${suspect.creditCode}: ${(e as Error).message}; tried again later`);
            await this.repairs.retryLater(suspect);
          }
        }),
      );
    } catch (e) {
      this.logger.warn(`read-model repair: ${(e as Error).message}`);
    }
  }

  /** Compares one enterprise's inbox with its workflow and repairs what differs; throws to retry. */
  async check(creditCode: string): Promise<'consistent' | 'resent' | 'repaired' | 'skipped'> {
    const first = await this.compare(creditCode);
    if (!first || first.diff.consistent) return first ? 'consistent' : 'skipped';
    const report: RepairReport = { resent: [], refused: [] };
    for (const task of first.diff.lostCompletions) await this.resend(creditCode, task, report);
    // Compared again after the re-sends, twice a moment apart: only a difference that stays is repaired.
    let now = await this.compare(creditCode);
    if (now && !now.diff.consistent) {
      await sleep(1000);
      const again = await this.compare(creditCode);
      if (!again || again.view.transitions !== now.view.transitions)
        throw new Error('the lifecycle moved on');
      now = again;
    }
    if (!now || now.diff.consistent) {
      if (report.resent.length) await this.repairs.recordResent(creditCode, report);
      return report.resent.length ? 'resent' : 'consistent';
    }
    await this.repairs.repair(now.view, now.diff, report, await this.withdrawnOf(creditCode, now));
    await this.tellAuthors(now.view, now.diff);
    this.logger.log(
      `${creditCode}: read model repaired (voided ${now.diff.orphans.length}, reopened ${now.diff.reopen.length}, ` +
        `inserted ${now.diff.missing.length}, re-sent ${report.resent.length})`,
    );
    return 'repaired';
  }

  private async compare(creditCode: string): Promise<{ view: LifecycleView; diff: ReadModelDiff } | null> {
    const inbox = await this.repairs.snapshot(creditCode);
    if (!inbox) return null;
    let view: LifecycleView;
    try {
      view = await answeredWithin(QUERY_TIMEOUT_MS, this.lifecycles.state(creditCode));
    } catch (e) {
      if (domainErrorFrom(e)?.code === 'LIFECYCLE_NOT_RUNNING') return null; // no workflow to compare with
      throw e;
    }
    const diff = readModelDiff(view, inbox);
    return diff.otherLifecycle ? null : { view, diff };
  }

  /**
   * 撤回: the tasks the repair reopens or inserts that the workflow holds open after a withdrawal
   * (with a draft) start from the withdrawn completion, whose outcome only the history keeps.
   */
  private withdrawnOf(
    creditCode: string,
    { view, diff }: { view: LifecycleView; diff: ReadModelDiff },
  ): Promise<Map<string, string>> {
    const withdrawn = new Set(view.openTasks.filter((t) => t.draft).map((t) => t.id));
    const ids = [...diff.reopen.map((t) => t.id), ...diff.missing.map((t) => t.id)];
    return this.lifecycles.withdrawnOutcomes(
      creditCode,
      ids.filter((id) => withdrawn.has(id)),
    );
  }

  /** Sends the completion the inbox recorded, as the API would have, under the same Update id. */
  private async resend(creditCode: string, task: InboxTask, report: RepairReport): Promise<void> {
    const user = await this.users.findByUsername(task.completedBy!);
    if (!user) {
      report.refused.push({ taskId: task.id, code: 'USER_UNKNOWN' });
      return;
    }
    const body = { outcome: task.outcome!, data: task.data ?? {} };
    const updateId = task.idempotencyKey
      ? completionUpdateId(task.id, user.username, task.idempotencyKey, body)
      : `repair:${task.id}:${task.completedBy}:${task.completedAt}`;
    try {
      await this.lifecycles.complete(
        creditCode,
        {
          taskId: task.id,
          ...body,
          actor: {
            username: user.username,
            role: user.role,
            scope: user.scope,
            displayName: user.displayName,
          },
          idempotencyKey: task.idempotencyKey ?? undefined,
        },
        updateId,
      );
      report.resent.push(task.id);
    } catch (e) {
      const refusal = domainErrorFrom(e);
      if (!refusal) throw e; // Temporal cannot be asked now: the suspect is tried again later
      report.refused.push({ taskId: task.id, code: refusal.code });
    }
  }

  /** Each person whose completion the workflow never applied learns that the task is open again. */
  private async tellAuthors(view: LifecycleView, diff: ReadModelDiff): Promise<void> {
    const open = new Map(view.openTasks.map((t) => [t.id, t]));
    for (const task of diff.reopen.filter((t) => t.completedBy && open.has(t.id))) {
      const audience = [`user:${task.completedBy}`];
      const channels = [
        ...systemChannels(this.config.notifications.webhookUrl),
        ...(await this.preferences.channelsFor(audience)),
      ];
      const t = open.get(task.id)!;
      await this.notifications.record(
        {
          id: `reopened:${task.id}:${task.completedAt}`,
          kind: 'reopened',
          taskId: task.id,
          taskType: t.type,
          creditCode: view.creditCode,
          enterpriseName: view.context?.nomination.name ?? view.creditCode,
          dueAt: t.dueAt,
          audienceGroups: audience,
          at: new Date().toISOString(),
        },
        channels,
      );
    }
  }
}
