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
