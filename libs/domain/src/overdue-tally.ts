import { taskDepartmentLabel } from './departments';
import { districtText } from './reference';
import type { Text } from './text';

/** Open tasks past due, counted per department and district (the read model's GROUP BY). */
export interface OverdueCount {
  department: string;
  district: string;
  n: number;
}

export interface OverdueBar {
  key: string;
  label: Text;
  n: number;
}

export interface OverdueTally {
  total: number;
  byDepartment: OverdueBar[];
  byDistrict: OverdueBar[];
}

/**
 * The overdue tasks by department and by district, most first (then by key): the one reading that
 * GET /api/tasks/overdue/summary and the dashboard's 逾期任务 bars share, so they cannot disagree.
 * Every task records its department (taskDepartment) and district: no row is put under another's.
 */
export function tallyOverdue(rows: readonly OverdueCount[]): OverdueTally {
  const bars = (key: 'department' | 'district', label: (k: string) => Text): OverdueBar[] => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r[key], (counts.get(r[key]) ?? 0) + r.n);
    return [...counts]
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .map(([k, n]) => ({ key: k, label: label(k), n }));
  };
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    byDepartment: bars('department', taskDepartmentLabel),
    byDistrict: bars('district', districtText),
  };
}
