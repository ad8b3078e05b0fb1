/** Quarters as "2026Q3". 一季一调度: a dispatch at the start of a quarter asks for the previous one. */
export function quarterOf(date: Date, timeZoneOffsetHours = 8): string {
  const local = new Date(date.getTime() + timeZoneOffsetHours * 3_600_000);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function previousQuarter(quarter: string): string {
  const [year, q] = quarter.split('Q').map(Number);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** The quarter a dispatch at this instant asks the members to report (Asia/Shanghai). */
export function reportingQuarterAt(date: Date): string {
  return previousQuarter(quarterOf(date));
}

/**
 * 一季一调度: the quarterly dispatch's calendar, 09:00 (Asia/Shanghai) on the first day of each
 * quarter — the Temporal Schedule is built from it (libs/temporal/src/schedules.ts).
 */
export const QUARTERLY_DISPATCH = { months: [1, 4, 7, 10], dayOfMonth: 1, hour: 9, minute: 0 } as const;

/**
 * The day (YYYY-MM-DD, Asia/Shanghai) of the next quarterly dispatch after `now`: what a member
 * between quarters, with no step open, waits for.
 */
export function nextQuarterlyDispatch(now: Date, timeZoneOffsetHours = 8): string {
  const local = new Date(now.getTime() + timeZoneOffsetHours * 3_600_000);
  const { months, dayOfMonth, hour, minute } = QUARTERLY_DISPATCH;
  const at = (year: number, month: number) => Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  const year = local.getUTCFullYear();
  const month = months.find((m) => at(year, m) > local.getTime());
  const [y, m] = month ? [year, month] : [year + 1, months[0]];
  return `${y}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
