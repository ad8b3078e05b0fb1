/** The business calendar is Asia/Shanghai: UTC+8 all year, no daylight saving. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** One calendar day: Shanghai keeps no daylight saving, so every day is this long. */
export const DAY_MS = 86_400_000;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * An instant as officers read it, in Asia/Shanghai whatever the reader's own clock says:
 * 2026-03-12 09:00, or 2026-03-12 09:00:05 to the second.
 */
export function shanghaiTime(at: Date | string, to: 'minute' | 'second' = 'minute'): string {
  const local = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return local.slice(0, to === 'minute' ? 16 : 19).replace('T', ' ');
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An instant from a query or a form: a date (YYYY-MM-DD, the start of that day in Shanghai) or a
 * date-time with its offset. Null for anything else, including dates that do not exist.
 */
export function parseInstant(value: string): Date | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  const at = new Date(h === undefined ? `${y}-${mo}-${d}T00:00:00+08:00` : value);
  return Number.isNaN(at.getTime()) ? null : at;
}
