import { Actor, Role } from './roles';
import { FINAL_STAGES, Stage } from './stages';

/**
 * Candidate groups: the one vocabulary for "who may do this task". A task lists groups; a user
 * belongs to the groups derived from role and scope. Formats:
 *   `<role>`                        everyone with the role (city_coordinator)
 *   `<role>:district:<code>`        a district's officers
 *   `<role>:cluster:<code>`         a cluster's officers
 *   `<role>:enterprise:<credit>`    an enterprise's users
 *   `user:<username>`               one person (the assigned commissioner)
 *   `department:<code>`             an owner department of the ledger
 */
export function groupsOf(actor: Actor): string[] {
  const { role, scope } = actor;
  return [
    role,
    ...(scope.districts ?? []).map((d) => `${role}:district:${d}`),
    ...(scope.clusters ?? []).map((c) => `${role}:cluster:${c}`),
    ...(scope.creditCodes ?? []).map((c) => `${role}:enterprise:${c}`),
    `user:${actor.username}`,
    ...(scope.department ? [`department:${scope.department}`] : []),
  ];
}

export function isCandidate(actor: Actor, candidateGroups: readonly string[]): boolean {
  const mine = new Set(groupsOf(actor));
  return candidateGroups.some((g) => mine.has(g));
}

/** The people a task's candidate groups name one by one (`user:<username>`: an assigned commissioner, a countersigner). */
export function personalCandidates(candidateGroups: readonly string[]): string[] {
  return candidateGroups.filter((g) => g.startsWith(PERSON_GROUP)).map((g) => g.slice(PERSON_GROUP.length));
}
const PERSON_GROUP = 'user:';

/** Who may do a task, as the statechart's meta says it; resolved against the enterprise's facts. */
export type CandidateRule =
  | { role: Role; scope?: 'district' | 'enterprise' | 'leadCluster' }
  | { assigned: 'commissioner' | 'districtLiaison' }
  | { nominator: true }
  | { department: true }
  /** 加签: the people a task's assignee names, one task each (`user:<name>`, set when opened). */
  | { named: true };

export interface CandidateFacts {
  creditCode: string;
  district: string;
  leadCluster?: string | null;
  commissioner?: string | null;
  districtLiaison?: string | null;
  nominatorGroups: string[];
  /** For department-owned tasks (whistles): the owner department. */
  department?: string | null;
}

/** What a lifecycle's facts (its context, libs/temporal's LifecycleContext) say about who may act on it. */
export interface CandidateSources {
  creditCode: string;
  nomination: { district: string };
  admission: { leadCluster: string; commissioner: string; districtLiaison: string } | null;
  nominatorGroups: string[];
}

export function candidateFactsOf(ctx: CandidateSources): CandidateFacts {
  return {
    creditCode: ctx.creditCode,
    district: ctx.nomination.district,
    leadCluster: ctx.admission?.leadCluster ?? null,
    commissioner: ctx.admission?.commissioner ?? null,
    districtLiaison: ctx.admission?.districtLiaison ?? null,
    nominatorGroups: ctx.nominatorGroups,
  };
}

export function resolveCandidates(rule: CandidateRule, facts: CandidateFacts): string[] {
  if ('nominator' in rule) return facts.nominatorGroups;
  if ('assigned' in rule) {
    const username = facts[rule.assigned];
    return username ? [`user:${username}`] : [];
  }
  if ('department' in rule) return facts.department ? [`department:${facts.department}`] : [];
  if ('named' in rule) return [];
  switch (rule.scope) {
    case 'district':
      return [`${rule.role}:district:${facts.district}`];
    case 'enterprise':
      return [`${rule.role}:enterprise:${facts.creditCode}`];
    case 'leadCluster':
      return facts.leadCluster ? [`${rule.role}:cluster:${facts.leadCluster}`] : [];
    default:
      return [rule.role];
  }
}

/**
 * The group that answers a SUPPLEMENT: whoever nominated, as their office. A district officer's
 * colleagues may answer for them; a city officer's nomination goes back to that officer.
 */
export function nominatorGroups(actor: Actor, district: string, creditCode: string): string[] {
  switch (actor.role) {
    case 'district_officer':
      return [`district_officer:district:${district}`];
    case 'enterprise_user':
      return [`enterprise_user:enterprise:${creditCode}`];
    default:
      return [`user:${actor.username}`];
  }
}

/** Who may nominate (2.1: from a district, from the city, or the enterprise itself), within scope. */
export function mayNominate(
  actor: Actor,
  n: { district: string; cluster: string; creditCode: string },
): boolean {
  const s = actor.scope ?? {};
  switch (actor.role) {
    case 'city_coordinator':
      return true;
    case 'industry_officer':
      return (s.clusters ?? []).includes(n.cluster);
    case 'district_officer':
      return (s.districts ?? []).includes(n.district);
    case 'enterprise_user':
      return (s.creditCodes ?? []).includes(n.creditCode);
    default:
      return false;
  }
}

/** Who may nominate at all (2.1): the offices that recommend and the enterprise itself. */
export const NOMINATORS = [
  'city_coordinator',
  'industry_officer',
  'district_officer',
  'enterprise_user',
] as const;

/**
 * Who may nominate from the Excel sheet: the offices, recommending many at once. An enterprise
 * recommends only itself, one nomination, so the batch import is not its tool (403).
 */
export const BATCH_NOMINATORS = NOMINATORS.filter((role) => role !== 'enterprise_user');

/** One active lifecycle per credit code: a new one starts when there is none or the last has ended. */
export function lifecycleMayStart(current: { stage: Stage } | null | undefined): boolean {
  return !current || FINAL_STAGES.includes(current.stage);
}

/**
 * Who can belong to the groups, coarsely: the roles, usernames and departments they name. The
 * database narrows users down with it; `isCandidate` then decides exactly.
 */
export function groupMembers(groups: readonly string[]): {
  roles: string[];
  usernames: string[];
  departments: string[];
} {
  const roles = new Set<string>();
  const usernames = new Set<string>();
  const departments = new Set<string>();
  for (const group of groups) {
    const [head, ...rest] = group.split(':');
    if (head === 'user') usernames.add(rest.join(':'));
    else if (head === 'department') departments.add(rest.join(':'));
    else roles.add(head);
  }
  return { roles: [...roles], usernames: [...usernames], departments: [...departments] };
}
