import { shanghaiDate } from './calendar';
import { DEFAULT_WHISTLE_PROBLEM_MONTHS, Policy } from './policy';

/**
 * How many months a problem whistled on as new (企业吹哨 without a ledger problem) has before it is
 * due: the policy's, else one quarter (一季一调度), for versions stored before the field existed.
 */
export function whistleProblemMonths(policy: Pick<Policy, 'whistleProblemMonths'>): number {
  return policy.whistleProblemMonths ?? DEFAULT_WHISTLE_PROBLEM_MONTHS;
}

/**
 * The due date (YYYY-MM-DD) of a problem whistled on as new: the same Shanghai day `months` later,
 * or that month's last day when it has no such day (11-30 + 3 months → 02-28). Counted from the
 * Shanghai day of the whistle, not the UTC one: a whistle at 01:00 in Shanghai is blown that day.
 * The department answers (部门报到) and the officers work it within the period, as with a
 * diagnosed problem's date; it is not overdue before anyone could act on it.
 */
export function whistledProblemDueOn(at: Date | string, months: number): string {
  const [year, month, day] = shanghaiDate(at).split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index % 12; // 0-based
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
