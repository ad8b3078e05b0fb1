import { Conflict } from './errors';
import { Field, Option } from './forms/schema';
import { IN_PROGRESS_LABEL, OWNER_DEPARTMENTS, OwnerDepartment, ProblemStatus } from './ledger';
import { Stage } from './stages';
import { t, Text } from './text';

/** POST /api/enterprises/:creditCode/whistle: what the enterprise says when it blows the whistle. */
export const WHISTLE_FIELDS: Field[] = [
  {
    name: 'problemId',
    kind: 'text',
    maxLength: 64,
    label: t('台账问题（可选）', 'Ledger problem (optional)'),
  },
  { name: 'title', kind: 'text', minLength: 2, maxLength: 200, label: t('问题', 'Problem'), required: true },
  {
    name: 'description',
    kind: 'text',
    multiline: true,
    minLength: 2,
    maxLength: 4000,
    label: t('问题描述及诉求', 'Description and request'),
    required: true,
  },
];

/**
 * A whistled problem's tag, on the ledger's row as on the enterprise's page (`whistleStatus` of GET
 * /api/problems): a problem that was whistled on stays one after the department answered
 * (部门报到), so the tag names the whistle either way and only its standing changes.
 */
export const WHISTLE_STATUSES: Option[] = [
  { value: 'open', label: t('企业吹哨·待报到', 'Whistle · awaiting response') },
  { value: 'answered', label: t('企业吹哨·已报到', 'Whistle · answered') },
];
export type WhistleStatus = 'open' | 'answered';

/** 企业吹哨·部门报到 is for pool members: from admission until they leave. */
export const WHISTLE_STAGES: readonly Stage[] = ['diagnosis', 'supporting', 'graduation_review'];

/**
 * Whether the enterprise may blow the whistle on this ledger problem now, the one rule the workflow
 * enforces and the enterprise's pages follow. Not on one closed out (销号): the coordinators decided
 * it is solved, and an answer "not resolved" would reopen it behind their back. A problem that came
 * back is a new one: the enterprise whistles without a problem and it enters the ledger with the
 * whistle (二(五) 用好"企业吹哨·部门报到"平台). Not while a whistle on it waits for its 部门报到: one
 * call at a time, whose answer comes within the deadline or escalates to the leader. Once answered
 * it may be whistled on again (the answer did not settle it), and so may a problem whose 销号 review
 * is pending: that is how the enterprise disputes the claim.
 */
export function whistleOnProblemRefusal(problem: {
  status: ProblemStatus;
  /** The latest whistle on it (`whistleStatus` of the ledger), null if none. */
  whistleStatus?: string | null;
}): Conflict | null {
  if (problem.status === 'resolved') {
    return new Conflict(
      'PROBLEM_CLOSED',
      t(
        '该问题已销号，不能再吹哨；如问题再次出现，请不选台账问题，作为新问题吹哨',
        'the problem is closed out (销号); if it came back, blow the whistle on it as a new problem',
      ),
    );
  }
  return problem.whistleStatus === 'open'
    ? new Conflict(
        'WHISTLE_OPEN',
        t(
          '该问题已吹哨，正等待部门报到；部门报到后可再次吹哨',
          'a whistle on this problem awaits its response; once answered it may be blown again',
        ),
      )
    : null;
}

/** Who hears that a whistle was answered: the enterprise that blew it (the department knows). */
export function whistleAnswerAudience(creditCode: string): string[] {
  return [`enterprise_user:enterprise:${creditCode}`];
}

/** 部门报到: what the enterprise is told of the answer, by department, with the reply itself. */
export function whistleAnsweredText(a: {
  enterpriseName: string;
  title: string;
  department: OwnerDepartment;
  response: string;
  resolved: boolean;
}): Text {
  const department =
    OWNER_DEPARTMENTS.find((o) => o.value === a.department)?.label ?? t(a.department, a.department);
  // "Resolved" is the department's claim: the coordinators' 销号 review decides (problem-work.ts).
  const [zh, en] = a.resolved
    ? ['问题已解决，待审核销号', 'reported resolved, awaiting the close-out review']
    : [`问题${IN_PROGRESS_LABEL.zh}`, `the problem is ${IN_PROGRESS_LABEL.en.toLowerCase()}`];
  return {
    zh: `【部门报到】${department.zh}已答复「${a.enterpriseName}」的吹哨问题「${a.title}」（${zh}）：“${a.response}”`,
    en: `Whistle answered: ${department.en} answered “${a.title}” of ${a.enterpriseName} (${en}): "${a.response}"`,
  };
}

/**
 * Where a whistle's answer leaves its problem, as the enterprise is shown it: "resolved" is the
 * department's claim, so it reads resolved only once the coordinators closed the problem out
 * (销号), `closing` while their review is pending, and in progress otherwise (a claim refused).
 */
export function whistleAnswerStanding(
  resolved: boolean,
  status: ProblemStatus,
): 'resolved' | 'closing' | 'unresolved' {
  if (!resolved) return 'unresolved';
  return status === 'resolved' || status === 'closing' ? status : 'unresolved';
}
