// GET /api/admin/calendar?year= and PUT/DELETE /api/admin/calendar/:date (apps/api/src/dtos/admin.dto.ts).

export interface CalendarDay {
  date: string;
  /** holiday: a weekday off; workday: a weekend day worked (调休). */
  kind: 'workday' | 'holiday';
  name: string | null;
  /** package: the State Council's schedule from chinese-days; override: an administrator's correction. */
  source: 'package' | 'override';
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}
