import { Injectable } from '@nestjs/common';
import {
  Actor,
  assertValid,
  NotFound,
  PROBLEM_WORK_FIELDS,
  problemWorkEndedError,
  ProblemWorkKind,
  t,
  visibleHandling,
  visibleProblemWork,
} from '@hardtech/domain';
import type { LedgerRow } from '@hardtech/persistence';
import {
  ActivePolicyRepository,
  ClustersRepository,
  ProblemsRepository,
  UsersRepository,
} from '@hardtech/persistence';
import { domainErrorFrom, LifecycleClient } from '@hardtech/temporal';
import { problemView, workKindsOf } from './problems.service';

/**
 * Ledger work (issue 19): one problem with its progress, and the changes the owner department and
 * the coordinators make to it — each an Update on the enterprise's lifecycle, which checks them
 * again, keeps them in its history and projects them with the audit event.
 */
@Injectable()
export class ProblemWorkService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly users: UsersRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly policies: ActivePolicyRepository,
    private readonly clusters: ClustersRepository,
  ) {}

  /** GET /api/problems/:id: within the caller's scope (404 outside), redacted for the reader. */
  async get(actor: Actor, id: string) {
    return this.detail(actor, await this.visible(actor, id));
  }

  /** POST progress / close-request / extend, PATCH handling: 400 at the edge, the rest in the workflow. */
  async work(actor: Actor, id: string, kind: ProblemWorkKind, body: unknown) {
    const { problem, enterpriseStage } = await this.visible(actor, id);
    assertValid(PROBLEM_WORK_FIELDS[kind], body);
    // No lifecycle left to do the work: 409 naming why (graduated, exited), never a 404 for a problem that exists.
    const ended = problemWorkEndedError(enterpriseStage);
    if (ended) throw ended;
    const result = await this.lifecycles
      .workProblem(problem.creditCode, {
        work: { kind, problemId: id, fields: body as Record<string, unknown> },
        actor,
        policy: await this.policies.current(),
      })
      .catch(async (e: unknown) => {
        // The lifecycle ended between our reading and the Update reaching it.
        if (domainErrorFrom(e)?.code !== 'LIFECYCLE_NOT_RUNNING') throw e;
        const now = await this.visible(actor, id);
        throw problemWorkEndedError(now.enterpriseStage) ?? e;
      });
    // The Update answers after the projection: the read model already holds the change.
    return {
      problem: await this.detail(actor, await this.visible(actor, id)),
      taskId: result.task?.id ?? null,
    };
  }

  private async visible(actor: Actor, id: string): Promise<LedgerRow> {
    const problem = await this.problems.findVisible(actor, id);
    if (!problem) throw new NotFound('PROBLEM_NOT_FOUND', t('问题不存在', 'no such problem'));
    return problem;
  }

  private async detail(actor: Actor, { problem: p, enterpriseStage }: LedgerRow) {
    const progress = p.progress ?? [];
    const [names, divisionOf] = await Promise.all([
      this.users.displayNames(progress.map((x) => x.actor)),
      this.clusters.divisions(),
    ]);
    const work = visibleProblemWork(actor.role, {
      progress: progress.map((x) => ({
        at: x.at,
        actor: x.actor,
        actorName: names.get(x.actor) ?? x.actor,
        note: x.note,
      })),
      closeSummary: p.closeRequest?.summary ?? null,
      extension: p.extension ? { dueAt: p.extension.dueAt, reason: p.extension.reason } : null,
    });
    return {
      ...problemView(p, actor.role, divisionOf),
      creditCode: p.creditCode,
      district: p.district,
      cluster: p.cluster,
      enterpriseStage,
      handling: visibleHandling(actor.role, p.special),
      ...work,
      // The enterprise's own words and the owner department's reply to them (addressed to it).
      whistle: p.whistle && {
        title: p.whistle.title,
        description: p.whistle.description,
        at: p.whistle.at,
        answer: p.whistle.answer ?? null,
      },
      updatedAt: p.updatedAt.toISOString(),
      workKinds: workKindsOf(actor, p, enterpriseStage),
    };
  }
}
