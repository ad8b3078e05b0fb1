/**
 * ISO 8601 durations (PnYnMnWnDTnHnMnS) as used by the policy's SLA entries. Pure: workflows compute
 * due dates with these from their deterministic clock.
 */
const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseDuration(value: string): Duration | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && parseDuration(value) !== null;
}

/**
 * Adds a duration to an instant. Asia/Shanghai has no daylight saving, so days are 24 hours; years and
 * months follow the calendar.
 */
export function addDuration(from: Date, value: string): Date {
  const d = parseDuration(value);
  if (!d) throw new Error(`not an ISO 8601 duration: ${value}`);
  const out = new Date(from.getTime());
  if (d.years || d.months) out.setUTCMonth(out.getUTCMonth() + d.years * 12 + d.months);
  const ms = ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(out.getTime() + ms);
}

export function subtractDuration(from: Date, value: string): Date {
  const forward = addDuration(from, value).getTime() - from.getTime();
  return new Date(from.getTime() - forward);
}

/** The units a person picks a policy duration in; other ISO forms are typed as they are. */
export type DurationUnit = 'days' | 'hours' | 'weeks';

const UNIT_DESIGNATOR: Record<DurationUnit, string> = { days: 'D', hours: 'H', weeks: 'W' };

/**
 * An ISO duration as one amount of one unit (P10D → 10 days, PT12H → 12 hours), so people read and
 * enter "10 天" rather than "P10D"; null for what one unit cannot say (P1DT12H, P1M).
 */
export function durationInUnits(value: string): { amount: number; unit: DurationUnit } | null {
  const d = parseDuration(value);
  if (!d) return null;
  const used = Object.entries(d).filter(([, n]) => n !== 0);
  if (used.length !== 1) return null;
  const [part, amount] = used[0];
  const unit = part === 'days' ? 'days' : part === 'hours' ? 'hours' : part === 'weeks' ? 'weeks' : null;
  return unit && Number.isInteger(amount) ? { amount, unit } : null;
}

/** The ISO duration of an amount of one unit: the inverse of durationInUnits. */
export function durationOf(amount: number, unit: DurationUnit): string {
  return unit === 'hours' ? `PT${amount}H` : `P${amount}${UNIT_DESIGNATOR[unit]}`;
}
