const HOUR = 3_600_000;

/**
 * How long an open task is past its due time: whole days, or hours within the first day; null
 * before its first hour. The inbox's due tag and 调度会材料's overdue list say it alike (已超期 3 天).
 */
export function overdueFor(
  dueAt: string | Date,
  now: Date = new Date(),
): { unit: 'day' | 'hour'; n: number } | null {
  const hours = Math.floor((now.getTime() - new Date(dueAt).getTime()) / HOUR);
  if (hours < 1) return null;
  return hours < 24 ? { unit: 'hour', n: hours } : { unit: 'day', n: Math.floor(hours / 24) };
}

/** 已超期 3 天 (已超期 5 小时 within the first day; 已超期 before its first hour). */
export function overdueText(dueAt: string | Date, now: Date = new Date()): string {
  const late = overdueFor(dueAt, now);
  if (!late) return '已超期';
  return `已超期 ${late.n} ${late.unit === 'day' ? '天' : '小时'}`;
}
