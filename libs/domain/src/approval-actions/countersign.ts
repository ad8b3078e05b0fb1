import { Conflict, DomainError, InvalidInput, RuleViolation } from '../errors';
import { READ_ONLY_ROLES, taskRefusal, HeldTask } from '../task-permissions';
import type { ProblemStatus } from '../ledger';
import type { Actor } from '../roles';
import type { TaskType } from '../task-types';
import { t, Text } from '../text';
import { STEP_ACTIONS } from './allowed';
import { actingFor } from './proxy';

/** 会签 (all): every named person must answer; 或签 (any): one answer is enough. */
export const COUNTERSIGN_MODES = ['all', 'any'] as const;
export type CountersignMode = (typeof COUNTERSIGN_MODES)[number];

/** How the history and the 审批单 name a mode. */
export const COUNTERSIGN_MODE_LABELS: Record<CountersignMode, Text> = {
  all: t('会签', 'all must answer'),
  any: t('或签', 'one answer is enough'),
};

export interface CountersignAnswer {
  user: string;
  taskId: string;
  outcome: string;
  at: string;
}

/** One 加签 on a task: whom its assignee asked, how, and who has answered (their opinions are the COUNTERSIGN tasks' data). */
export interface Countersign {
  id: string;
  requestedBy: string;
  /** 委托代理: the principal a proxy asked it for (the task stays theirs). */
  onBehalfOf?: string;
  at: string;
  mode: CountersignMode;
  note: string;
  users: string[];
  answers: CountersignAnswer[];
}

export function countersignSatisfied(cs: Pick<Countersign, 'mode' | 'users' | 'answers'>): boolean {
  const answered = new Set(cs.answers.map((a) => a.user));
  return cs.mode === 'any' ? answered.size > 0 : cs.users.every((u) => answered.has(u));
}

/** Whether the task waits for a countersignature: completing it is refused meanwhile. */
export function countersignPending(countersigns: readonly Countersign[] | null | undefined): boolean {
  return (countersigns ?? []).some((cs) => !countersignSatisfied(cs));
}

export function countersignPendingRefusal(countersigns: readonly Countersign[] | null | undefined) {
  return countersignPending(countersigns)
    ? new Conflict(
        'COUNTERSIGN_PENDING',
        t('会签尚未完成，暂不能办理', 'the countersignature is not complete yet'),
      )
    : null;
}

/** Who still owes an answer on the task: named in a round still waiting and not yet answered. */
export function countersignWaitingOn(
  rounds: readonly Pick<Countersign, 'mode' | 'users' | 'answers'>[] | null | undefined,
): Set<string> {
  return new Set(
    (rounds ?? [])
      .filter((round) => !countersignSatisfied(round))
      .flatMap((round) => round.users.filter((u) => !round.answers.some((a) => a.user === u))),
  );
}

/**
 * 加签 of someone who still owes an answer on the task would open them a second COUNTERSIGN
 * task for the same question: 409, naming them (the picker disables them already).
 */
export function countersignAskedRefusal(
  rounds: readonly Pick<Countersign, 'mode' | 'users' | 'answers'>[] | null | undefined,
  users: readonly string[],
): DomainError | null {
  const waiting = countersignWaitingOn(rounds);
  const again = users.filter((u) => waiting.has(u));
  if (!again.length) return null;
  return new Conflict(
    'COUNTERSIGNER_ALREADY_ASKED',
    t(
      `以下人员已被加签、尚未答复：${again.join('、')}`,
      `already asked and yet to answer: ${again.join(', ')}`,
    ),
  );
}

export interface CountersignRequest {
  users: string[];
  mode: CountersignMode;
  note: string;
}

/**
 * Who may ask for a countersignature and of whom: whoever may complete the task (it is then
 * theirs), on a step that allows it, of other people who act (the API checks they may see the
 * enterprise, naming those who may not). A proxy asks for the principal (委托代理): the task is theirs.
 */
export function countersignRefusal(
  actor: Actor,
  task: HeldTask & { type: TaskType },
  req: CountersignRequest,
  onBehalfOf?: Actor | null,
): DomainError | null {
  const refusal = taskRefusal(actingFor(actor, onBehalfOf), task, 'complete');
  if (refusal) return refusal;
  if (!STEP_ACTIONS[task.type].countersign) {
    return new RuleViolation(
      'COUNTERSIGN_NOT_ALLOWED',
      t('该环节不能加签', 'this step cannot be countersigned'),
    );
  }
  const users = req.users ?? [];
  if (!users.length || new Set(users).size !== users.length) {
    return new InvalidInput([{ field: 'users', text: t('请选择不重复的会签人', 'name distinct users') }]);
  }
  // Neither the one who asks nor the principal they stand in for answers their own request.
  if (users.includes(actor.username) || (onBehalfOf && users.includes(onBehalfOf.username))) {
    return new InvalidInput([
      { field: 'users', text: t('不能请自己会签', 'you cannot countersign yourself') },
    ]);
  }
  return null;
}

/**
 * 加签 on a task about a ledger problem (a 部门报到 on a whistle, a 延期审核) once that problem is closed
 * out (销号): the coordinators decided it, so there is no opinion left to ask colleagues for — as
 * the ledger takes no more work on it (PROBLEM_RESOLVED). `problemStatus`: the status of the
 * problem the task is about, absent for a task about none.
 */
export function countersignClosedProblemRefusal(
  problemStatus: ProblemStatus | null | undefined,
): DomainError | null {
  return problemStatus === 'resolved'
    ? new RuleViolation(
        'PROBLEM_RESOLVED',
        t('该问题已销号，不能再加签', 'the problem is closed out (销号): no countersignature can be asked'),
      )
    : null;
}

/** The named users who may not countersign: unknown, inactive, read-only or outside the enterprise. */
export function countersignersRefusal(notAllowed: readonly string[]): DomainError | null {
  if (!notAllowed.length) return null;
  return new RuleViolation(
    'COUNTERSIGNER_NOT_ALLOWED',
    t(
      `以下人员不能会签该企业事项：${notAllowed.join('、')}`,
      `may not countersign: ${notAllowed.join(', ')}`,
    ),
    notAllowed.map((u) => ({
      field: 'users',
      text: t(`${u} 无权查看该企业`, `${u} may not see the enterprise`),
    })),
  );
}

export function mayCountersign(user: Actor): boolean {
  return !READ_ONLY_ROLES.includes(user.role);
}

/**
 * Who may be asked to countersign on an enterprise: the officers who may see it (scope-rules of
 * libs/persistence's AccessService), as candidate groups — the city coordinators, the industry
 * officers of its cluster and lead cluster, the district's officers and its commissioner.
 * Departments (who see only their ledger items) and the enterprise itself are not asked.
 */
export function countersignerGroups(e: {
  district: string;
  cluster: string;
  leadCluster?: string | null;
  commissioner?: string | null;
}): string[] {
  const clusters = [...new Set([e.cluster, e.leadCluster].filter((c): c is string => !!c))];
  return [
    'city_coordinator',
    ...clusters.map((c) => `industry_officer:cluster:${c}`),
    `district_officer:district:${e.district}`,
    ...(e.commissioner ? [`user:${e.commissioner}`] : []),
  ];
}
