import { CandidateFacts, isCandidate } from './access';
import { whistleCandidates } from './departments';
import { addDuration } from './durations';
import { Conflict, DomainError, Forbidden, RuleViolation } from './errors';
import { Field } from './forms/schema';
import { CLOSE_WITHDRAWN_OUTCOME, Problem, SPECIAL_HANDLING } from './ledger';
import { Actor } from './roles';
import { Stage } from './stages';
import { t, Text } from './text';
import { withAnswerPlan } from './whistle-plan';

/**
 * Ledger work (issue 19, 对照诊断问题清单和化解问题台账…强化责任落实): the owner department records
 * progress, asks to close a problem (申请销号) or for more time; the city coordinators decide both
 * and mark the hard cases 一企一策 / 一事一议. Pure: the API checks it at the edge, the lifecycle's
 * Update validator again, and the statechart applies it.
 */
export type ProblemWorkKind = 'progress' | 'close_request' | 'extend' | 'handling';

export const PROBLEM_WORK_FIELDS: Record<ProblemWorkKind, Field[]> = {
  progress: [
    {
      name: 'note',
      kind: 'text',
      multiline: true,
      minLength: 2,
      maxLength: 2000,
      label: t('工作进展', 'Progress'),
      required: true,
    },
  ],
  close_request: [
    {
      name: 'summary',
      kind: 'text',
      multiline: true,
      minLength: 2,
      maxLength: 2000,
      label: t('化解情况（申请销号）', 'How it was resolved'),
      required: true,
    },
  ],
  extend: [
    { name: 'dueAt', kind: 'date', label: t('延期至', 'New due date'), required: true },
    {
      name: 'reason',
      kind: 'text',
      multiline: true,
      minLength: 2,
      maxLength: 2000,
      label: t('延期理由', 'Reason'),
      required: true,
    },
  ],
  handling: [
    {
      name: 'handling',
      kind: 'enum',
      options: SPECIAL_HANDLING,
      label: t('特殊处理', 'Special handling'),
      required: true,
      nullable: true,
    },
  ],
};

/** One piece of ledger work as the API sends it to the lifecycle (fields validated by the form above). */
export interface ProblemWork {
  kind: ProblemWorkKind;
  problemId: string;
  fields: Record<string, unknown>;
}

/**
 * 定点联系: who works a problem — the owner department's officers (as a whistle on it is answered)
 * and the enterprise's service commissioner.
 */
export function problemWorkerGroups(
  problem: Pick<Problem, 'ownerDepartment'>,
  facts: CandidateFacts,
): string[] {
  return [
    ...whistleCandidates(problem.ownerDepartment, facts),
    ...(facts.commissioner ? [`user:${facts.commissioner}`] : []),
  ];
}

/** Why a problem's enterprise no longer has its ledger worked: the tag the ledger shows, and the reason. */
export interface ProblemWorkEnded {
  tag: Text;
  reason: Text;
}

const WORK_ENDED: Partial<Record<Stage, ProblemWorkEnded>> = {
  graduated: {
    tag: t('企业已毕业', 'Enterprise graduated'),
    reason: t(
      '该企业已毕业，已移出帮扶库，台账问题不再办理',
      'the enterprise has graduated and left the pool: its ledger problems are no longer worked',
    ),
  },
  exited: {
    tag: t('企业已移出', 'Enterprise exited'),
    reason: t(
      '该企业已移出帮扶库，台账问题不再办理',
      'the enterprise has left the pool: its ledger problems are no longer worked',
    ),
  },
  rejected: {
    tag: t('企业未入库', 'Enterprise not admitted'),
    reason: t(
      '该企业未入库，台账问题不再办理',
      'the enterprise was not admitted: its ledger problems are no longer worked',
    ),
  },
};

/**
 * The ledger is worked through the enterprise's running lifecycle; once it has ended (graduated,
 * exited, not admitted) its problems stay as they were, read-only. Whether they should close at
 * graduation is a policy question this does not decide. Null while the lifecycle runs.
 */
export function problemWorkEnded(enterpriseStage: Stage): ProblemWorkEnded | null {
  return WORK_ENDED[enterpriseStage] ?? null;
}

/** 409 LIFECYCLE_ENDED naming why, for work on a problem whose enterprise's lifecycle has ended. */
export function problemWorkEndedError(enterpriseStage: Stage): Conflict | null {
  const ended = problemWorkEnded(enterpriseStage);
  return ended && new Conflict('LIFECYCLE_ENDED', ended.reason);
}

/** Why this actor may not do this work on this problem today, or null (403, 409, 422). */
export function problemWorkRefusal(
  actor: Actor,
  work: ProblemWork,
  problem: Problem,
  facts: CandidateFacts,
  today: string,
): DomainError | null {
  const refusal = problemWorkKindRefusal(actor, work.kind, problem, facts);
  if (refusal || work.kind !== 'extend') return refusal;
  const dueAt = String(work.fields.dueAt);
  if (dueAt <= problem.dueAt || dueAt < today) {
    return new RuleViolation(
      'DUE_DATE_NOT_LATER',
      t('延期后的时限应晚于原时限且不早于今天', 'the new due date must be later than the current one'),
      [{ field: 'dueAt', text: t(`应晚于 ${problem.dueAt}`, `must be after ${problem.dueAt}`) }],
    );
  }
  return null;
}

/** What the rule reads of a problem: its owner and where its work stands. */
type WorkedProblem = Pick<Problem, 'ownerDepartment' | 'status' | 'extension'>;

/** Why this actor may not do this kind of work on the problem as it stands, whatever its fields say. */
function problemWorkKindRefusal(
  actor: Actor,
  kind: ProblemWorkKind,
  problem: WorkedProblem,
  facts: CandidateFacts,
): DomainError | null {
  const who = problemWorkerRefusal(actor, kind, problem, facts);
  if (who) return who;
  // A closed-out problem's entry is closed to all work, the coordinators' 一企一策 / 一事一议 too:
  // the 销号 was the decision on it (a problem that comes back is whistled on as a new one).
  if (problem.status === 'resolved') {
    return new RuleViolation(
      'PROBLEM_RESOLVED',
      t('该问题已销号，不再办理', 'the problem is resolved (closed out): no further work'),
    );
  }
  if (kind === 'close_request' && problem.status === 'closing') {
    return new Conflict(
      'CLOSE_PENDING',
      t('该问题的销号申请正在审核', 'a close request awaits its decision'),
    );
  }
  if (kind === 'extend' && problem.extension) {
    return new Conflict(
      'EXTENSION_PENDING',
      t('该问题的延期申请正在审核', 'a request for more time awaits its decision'),
    );
  }
  return null;
}

/** 403 when the actor is not among who does this kind of work: the coordinators, else the owners. */
function problemWorkerRefusal(
  actor: Actor,
  kind: ProblemWorkKind,
  problem: WorkedProblem,
  facts: CandidateFacts,
): Forbidden | null {
  if (kind === 'handling') {
    return actor.role === 'city_coordinator'
      ? null
      : new Forbidden(
          'NOT_A_COORDINATOR',
          t('只有科技处可以确定一企一策、一事一议', 'only city coordinators set the special handling'),
        );
  }
  return isCandidate(actor, problemWorkerGroups(problem, facts))
    ? null
    : new Forbidden(
        'NOT_THE_OWNER_DEPARTMENT',
        t(
          '只有责任部门或企业服务专员可以办理该问题',
          'only the owner department or the service commissioner works this problem',
        ),
      );
}

/** Every kind of ledger work, in the order the drawer offers them. */
export const PROBLEM_WORK_KINDS = Object.keys(PROBLEM_WORK_FIELDS) as ProblemWorkKind[];

/**
 * The ledger work the actor may do on the problem now (`workKinds` of the API's problems): each
 * kind the lifecycle's Update would accept (problemWorkRefusal, given fields that fit its form),
 * none once the problem is resolved (422 PROBLEM_RESOLVED) or the enterprise's lifecycle has ended
 * (409 LIFECYCLE_ENDED). Empty: the ledger offers 查看, not 办理.
 */
export function problemWorkKinds(
  actor: Actor,
  problem: WorkedProblem,
  facts: CandidateFacts,
  enterpriseStage: Stage,
): ProblemWorkKind[] {
  if (problemWorkEnded(enterpriseStage)) return [];
  return PROBLEM_WORK_KINDS.filter((kind) => !problemWorkKindRefusal(actor, kind, problem, facts));
}

/**
 * Who works a problem, from what its ledger row keeps of its lifecycle. Problems enter the ledger
 * at the diagnosis or with a whistle, both after admission: the row's cluster is the lead cluster,
 * its commissioner the one admission named (problems.writer, servedBy).
 */
export function ledgerRowFacts(row: {
  creditCode: string;
  district: string;
  cluster: string;
  commissioner: string | null;
}): CandidateFacts {
  return {
    creditCode: row.creditCode,
    district: row.district,
    leadCluster: row.cluster,
    commissioner: row.commissioner,
    nominatorGroups: [],
  };
}

/** Why a close request was withdrawn: the department's answer, as the withdrawn PROBLEM_CLOSE keeps it. */
export const CLOSE_WITHDRAWN_REASON = t(
  '部门答复未解决：责任部门答复企业吹哨“问题未解决”，销号申请已撤回',
  'Answered not resolved: the owner department answered the whistle “not resolved”, so the close request was withdrawn',
);

/** The data of a PROBLEM_CLOSE withdrawn by a whistle's answer: the reason and the department's reply. */
export function closeWithdrawnData(response: string): { reason: string; response: string } {
  return { reason: CLOSE_WITHDRAWN_REASON.zh, response };
}

/** What moves a problem: ledger work, the coordinators' decisions, its overdue follow-ups. */
export type ProblemChange =
  | { type: 'work'; work: ProblemWork; actor: string; at: string }
  | { type: 'close_decided'; problemId: string; confirmed: boolean; at: string }
  | { type: 'extension_decided'; problemId: string; approved: boolean; at: string }
  | { type: 'overdue'; problemId: string; kind: 'reminder' | 'escalation'; dueAt: string; at: string }
  | WhistleAnswerChange;

/**
 * 部门报到 on a whistle about the problem. "Resolved" is the department's claim: since
 * `closeReview` (the lifecycle's WHISTLE_CLOSE_REVIEW_PATCH) it opens the close request a 申请销号
 * opens, the reply as its summary, and the coordinators' PROBLEM_CLOSE decides; answers recorded
 * before it closed the problem out at once. "Not resolved" puts it in progress, as it always did.
 */
export interface WhistleAnswerChange {
  type: 'whistle_answered';
  problemId: string;
  resolved: boolean;
  response: string;
  closeReview: boolean;
  actor: string;
  at: string;
  /** The plan the answer sets where the problem has none (whistle-plan.ts); absent before it. */
  measures?: string;
  target?: string;
}

/** The ledger after a change (the statechart's context keeps it; the projection writes it). */
export function changeProblems(problems: Problem[], change: ProblemChange): Problem[] {
  const id = change.type === 'work' ? change.work.problemId : change.problemId;
  return problems.map((p) => (p.id === id ? changeProblem(p, change) : p));
}

function changeProblem(p: Problem, c: ProblemChange): Problem {
  switch (c.type) {
    case 'work': {
      const f = c.work.fields as Record<string, string | null>;
      switch (c.work.kind) {
        case 'progress':
          return {
            ...p,
            status: p.status === 'open' ? 'in_progress' : p.status,
            progress: [...(p.progress ?? []), { at: c.at, actor: c.actor, note: f.note! }],
          };
        case 'close_request':
          return { ...p, status: 'closing', closeRequest: { summary: f.summary!, by: c.actor, at: c.at } };
        case 'extend':
          return { ...p, extension: { dueAt: f.dueAt!, reason: f.reason!, by: c.actor, at: c.at } };
        case 'handling':
          return { ...p, special: f.handling ?? null };
      }
      return p;
    }
    case 'whistle_answered':
      return answered(withAnswerPlan(p, c), c);
    case 'close_decided':
      return { ...p, status: c.confirmed ? 'resolved' : 'in_progress' };
    case 'extension_decided':
      return c.approved && p.extension
        ? { ...p, dueAt: p.extension.dueAt, extension: null, overdue: null }
        : { ...p, extension: null };
    case 'overdue': {
      if (p.dueAt !== c.dueAt) return p; // the due date moved meanwhile: these follow-ups are void
      const marks =
        p.overdue?.dueAt === c.dueAt ? p.overdue : { dueAt: c.dueAt, remindedAt: null, escalatedAt: null };
      const escalate = c.kind === 'escalation' && (p.status === 'open' || p.status === 'in_progress');
      return {
        ...p,
        status: escalate ? 'escalated' : p.status,
        overdue: c.kind === 'reminder' ? { ...marks, remindedAt: c.at } : { ...marks, escalatedAt: c.at },
      };
    }
  }
}

/** Where a whistle's answer leaves its problem. */
function answered(p: Problem, c: WhistleAnswerChange): Problem {
  if (!c.resolved) return { ...p, status: 'in_progress' };
  if (!c.closeReview) return { ...p, status: 'resolved' };
  // Already closed out, or a close request already awaits its decision: that one stands.
  if (p.status === 'resolved' || p.status === 'closing') return p;
  return { ...p, status: 'closing', closeRequest: { summary: c.response, by: c.actor, at: c.at } };
}

/** An open problem past its due date escalates this long after it became overdue. */
export const PROBLEM_ESCALATE_AFTER = 'P3D';

/**
 * When an unresolved problem's follow-ups are due: the owners are reminded once the due date has
 * passed (the ledger counts it overdue from the next day, Asia/Shanghai), the coordinators are
 * told PROBLEM_ESCALATE_AFTER later.
 */
export function problemFollowUps(dueAt: string): { remindAt: Date; escalateAt: Date } {
  const remindAt = new Date(Date.parse(`${dueAt}T00:00:00+08:00`) + 86_400_000);
  return { remindAt, escalateAt: addDuration(remindAt, PROBLEM_ESCALATE_AFTER) };
}

/** The follow-ups still to do for a problem, in order; none once it is closing or resolved. */
export function pendingProblemFollowUps(p: Problem): { kind: 'reminder' | 'escalation'; at: Date }[] {
  if (p.status === 'resolved' || p.status === 'closing') return [];
  const marks = p.overdue?.dueAt === p.dueAt ? p.overdue : null;
  const { remindAt, escalateAt } = problemFollowUps(p.dueAt);
  return [
    ...(marks?.remindedAt ? [] : [{ kind: 'reminder' as const, at: remindAt }]),
    ...(marks?.escalatedAt ? [] : [{ kind: 'escalation' as const, at: escalateAt }]),
  ];
}

/** What an overdue reminder or escalation of a ledger problem says. */
export function problemOverdueText(
  kind: 'reminder' | 'escalation',
  enterpriseName: string,
  title: string,
  dueAt: string,
): Text {
  return kind === 'reminder'
    ? {
        zh: `【台账逾期】「${enterpriseName}」的问题「${title}」已超过完成时限（${dueAt}），请及时化解或申请延期。`,
        en: `Overdue: the problem “${title}” of ${enterpriseName} was due ${dueAt}; resolve it or ask for more time.`,
      }
    : {
        zh: `【台账逾期升级】「${enterpriseName}」的问题「${title}」逾期未化解（时限 ${dueAt}），已升级至科技处。`,
        en: `Escalated to the city coordinator: the problem “${title}” of ${enterpriseName} was due ${dueAt} and is still open.`,
      };
}

/**
 * The coordinators' decision on a ledger request: a PROBLEM_CLOSE or a PROBLEM_EXTENSION done; or a
 * close request withdrawn by a whistle's answer (CLOSE_WITHDRAWN_OUTCOME), told the same way.
 */
export interface ProblemDecision {
  taskType: 'PROBLEM_CLOSE' | 'PROBLEM_EXTENSION';
  /** confirm / reject (销号), approve / reject (延期), close_withdrawn. */
  outcome: string;
  enterpriseName: string;
  title: string;
  /** The problem's due date after the decision (YYYY-MM-DD): the new one when more time was given. */
  dueAt: string;
  /** The coordinator's opinion, as far as the reader may read it (visibleStep), else null. */
  opinion: string | null;
}

/**
 * Whether the enterprise hears of a decision: that its problem is closed out (销号确认) or due later
 * (延期批准; GET /api/problems shows it the due date and a pending one). A refusal is the
 * departments' business, as the requests were: the enterprise sees neither those notes nor them.
 */
export function decisionToldToEnterprise(d: Pick<ProblemDecision, 'outcome'>): boolean {
  return d.outcome === 'confirm' || d.outcome === 'approve';
}

/**
 * Who is told of a decision: the problem's workers (the requester among them) and, if told, the
 * enterprise; of a withdrawn close request also the coordinators, whose review it took away.
 */
export function problemDecisionAudience(
  d: Pick<ProblemDecision, 'outcome'>,
  workerGroups: readonly string[],
  creditCode: string,
): string[] {
  const enterprise = decisionToldToEnterprise(d) ? [`enterprise_user:enterprise:${creditCode}`] : [];
  const reviewers = d.outcome === CLOSE_WITHDRAWN_OUTCOME ? ['city_coordinator'] : [];
  return [...workerGroups, ...reviewers, ...enterprise];
}

/** What a decision's notice says: the outcome, the new due date, and the opinion when there is one. */
export function problemDecisionText(d: ProblemDecision): Text {
  const what = {
    zh: `「${d.enterpriseName}」的问题「${d.title}」`,
    en: `the problem “${d.title}” of ${d.enterpriseName}`,
  };
  const [zh, en] = ((): [string, string] => {
    if (d.taskType === 'PROBLEM_CLOSE' && d.outcome === CLOSE_WITHDRAWN_OUTCOME) {
      return [
        `【销号申请撤回】${what.zh}：责任部门答复企业吹哨“问题未解决”，销号申请已撤回，请继续化解`,
        `Close request withdrawn: the owner department answered the whistle on ${what.en} “not resolved”; keep working on it`,
      ];
    }
    if (d.taskType === 'PROBLEM_CLOSE') {
      return d.outcome === 'confirm'
        ? [`【销号确认】${what.zh}已销号`, `Closed out: ${what.en} is resolved`]
        : [
            `【销号退回】${what.zh}销号申请未通过，请继续化解`,
            `Close request refused: ${what.en} stays open`,
          ];
    }
    return d.outcome === 'approve'
      ? [`【延期批准】${what.zh}时限延至 ${d.dueAt}`, `More time granted: ${what.en} is now due ${d.dueAt}`]
      : [
          `【延期未批准】${what.zh}延期申请未通过，时限仍为 ${d.dueAt}`,
          `More time refused: ${what.en} is still due ${d.dueAt}`,
        ];
  })();
  return d.opinion
    ? { zh: `${zh}：“${d.opinion}”`, en: `${en}: "${d.opinion}"` }
    : { zh: `${zh}。`, en: `${en}.` };
}
