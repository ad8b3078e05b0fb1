/** The business calendar is Asia/Shanghai: UTC+8 all year, no daylight saving. */
const OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
