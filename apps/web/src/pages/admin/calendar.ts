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

// GET /api/admin/calendar/coverage and PUT /api/admin/calendar/years/:year (dtos/yearly-cycle.dto.ts).
export interface CalendarCoverage {
  coveredThrough: number;
  packageLastYear: number;
  /** The year whose schedule must be entered now (from 1 November: next year), or null. */
  missingYear: number | null;
}

export interface CalendarYearConfirmed {
  year: number;
  coveredThrough: number;
  lifecycles: number;
  recomputed: number;
  stillProvisional: number;
}
