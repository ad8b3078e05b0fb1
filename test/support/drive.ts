import { Cast } from './cast';
import {
  complete,
  eventually,
  expectOk,
  JUDGMENTS,
  nominationFor,
  openTask,
  PORTRAIT,
  problem,
  quarterlyReport,
} from './lifecycle';
import { lifecycles } from './temporal';
import type { Nomination } from '@hardtech/domain';

/** Signals a quarter tick as the quarterly dispatch does, and waits for the report task. */
export async function tickQuarter(cast: Cast, quarter: string): Promise<void> {
  await (await lifecycles()).tickQuarter(cast.creditCode, { quarter, dispatchId: `test-${quarter}` });
  await eventually(() => openTask(cast.enterprise.api, cast.creditCode, 'QUARTERLY_REPORT'));
}

export interface DriveOptions {
  /** The enterprise is already nominated: start at its screening. */
  nominated?: boolean;
  /** Changes to the sample nomination (e.g. a name to find the enterprise by). */
  nomination?: Partial<Nomination>;
  /** The diagnosis's ledger problems; one owned by the finance division unless given. */
  problems?: Record<string, unknown>[];
  /** Runs once the feedback tasks are open, before they are done. */
  inFeedback?: () => Promise<void>;
}

/** Nominates (unless already done) and drives to admission: screening, feedback; ADMIT is open. */
export async function driveToAdmission(cast: Cast, options: DriveOptions = {}): Promise<void> {
  if (!options.nominated) {
    await expectOk(
      cast.districtOfficer.api.post('/api/nominations', nominationFor(cast, options.nomination)),
      201,
    );
  }
  await expectOk(complete(cast.coordinator.api, cast.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await options.inFeedback?.();

  await expectOk(
    complete(cast.districtOfficer.api, cast.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }),
  );
  await expectOk(complete(cast.enterprise.api, cast.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
}

/** Nominates (unless already done) and drives to supporting: screening, feedback, admission, diagnosis. */
export async function driveToSupporting(cast: Cast, options: DriveOptions = {}): Promise<void> {
  await driveToAdmission(cast, options);
  await expectOk(
    complete(cast.coordinator.api, cast.creditCode, 'ADMIT', 'admit', {
      leadCluster: cast.cluster,
      commissioner: cast.commissioner.username,
      districtLiaison: cast.districtOfficer.username,
    }),
  );
  await expectOk(
    complete(cast.commissioner.api, cast.creditCode, 'DIAGNOSE', 'submit', {
      portrait: PORTRAIT,
      problems: options.problems ?? [problem()],
    }),
  );
}

/** 企业吹哨 by the enterprise's user on its first ledger problem (owned by finance unless driven otherwise). */
export async function blowWhistleOnFirstProblem(cast: Cast): Promise<{ problemId: string; taskId: string }> {
  const { problems } = await expectOk(cast.enterprise.api.get(`/api/enterprises/${cast.creditCode}`));
  const problemId: string = problems[0].id;
  const whistle = await expectOk(
    cast.enterprise.api.post(`/api/enterprises/${cast.creditCode}/whistle`, {
      problemId,
      title: '贷款审批停滞',
      description: '银行审批已超过三个月',
    }),
    201,
  );
  return { problemId, taskId: whistle.task.id };
}

/** The enterprise blows the whistle on a new problem, which enters the ledger with it. */
export async function blowWhistleOnNewProblem(
  cast: Cast,
): Promise<{ problemId: string; task: { id: string; candidateGroups: string[] } }> {
  return expectOk(
    cast.enterprise.api.post(`/api/enterprises/${cast.creditCode}/whistle`, {
      title: '扩产用地无法落实',
      description: '园区用地指标不足，影响二期投产',
    }),
    201,
  );
}

/** A quarter of a supporting enterprise up to its review: the tick, the report, the review task open. */
export async function reportQuarter(cast: Cast, quarter: string, revenue?: number): Promise<void> {
  await tickQuarter(cast, quarter);
  await sendReport(cast, quarter, revenue);
  await eventually(() => openTask(cast.industry.api, cast.creditCode, 'QUARTERLY_REVIEW'));
}

/** The enterprise sends its open quarterly report (the sample figures, `revenue` if given). */
export async function sendReport(cast: Cast, quarter: string, revenue?: number): Promise<void> {
  await expectOk(
    complete(
      cast.enterprise.api,
      cast.creditCode,
      'QUARTERLY_REPORT',
      'submit',
      quarterlyReport(quarter, revenue),
    ),
  );
}

/** Drives a nominated enterprise all the way to graduated, through one quarter. */
export async function driveToGraduation(cast: Cast, quarter = '2026Q3'): Promise<void> {
  await driveToSupporting(cast);
  await reportQuarter(cast, quarter);
  await expectOk(
    complete(cast.industry.api, cast.creditCode, 'QUARTERLY_REVIEW', 'recommend_graduation', {
      comment: '倍增',
    }),
  );
  await expectOk(
    complete(cast.coordinator.api, cast.creditCode, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }),
  );
}

/** Moves a member out of the pool (移出, relocated) after one quarter's report and review. */
export async function driveToExit(cast: Cast, quarter = '2026Q3'): Promise<void> {
  await reportQuarter(cast, quarter);
  await expectOk(
    complete(cast.industry.api, cast.creditCode, 'QUARTERLY_REVIEW', 'recommend_exit', { comment: '迁出' }),
  );
  await expectOk(
    complete(cast.coordinator.api, cast.creditCode, 'GRADUATION_REVIEW', 'exit', { reason: 'relocated' }),
  );
}
