import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { coveredThrough, WorkCalendar } from '@hardtech/domain';
import schedule from 'chinese-days/dist/chinese-days.json';
import { PolicyChanges } from './policy-changes';

export type DayKind = 'workday' | 'holiday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string | null;
  source: 'package' | 'override';
}

/** The State Council schedule as the chinese-days package maintains it (2004 onwards). */
const PACKAGE: { holidays: Record<string, string>; workdays: Record<string, string> } = schedule;

/** The last year the package's schedule covers (its data ends with the last published year). */
export const PACKAGE_LAST_YEAR = Math.max(...Object.keys(PACKAGE.holidays).map((d) => Number(d.slice(0, 4))));

/**
 * The working-day calendar: the package's holidays and make-up days (调休), corrected by the
 * administrators' overrides (calendar_days), which also cover years the package does not yet.
 */
@Injectable()
export class CalendarRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly changes: PolicyChanges,
  ) {}

  /** Every day that is not an ordinary weekday or weekend, from `from` to `to` (YYYY-MM-DD). */
  async days(from: string, to: string): Promise<CalendarDay[]> {
    const byDate = new Map<string, CalendarDay>();
    for (const [kind, table] of [
      ['holiday', PACKAGE.holidays],
      ['workday', PACKAGE.workdays],
    ] as const) {
      for (const [date, label] of Object.entries(table)) {
        if (date >= from && date <= to)
          byDate.set(date, { date, kind, name: label.split(',')[1] ?? label, source: 'package' });
      }
    }
    const overrides: { date: string; kind: DayKind; name: string | null }[] = await this.ds.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_days WHERE date BETWEEN $1 AND $2`,
      [from, to],
    );
    for (const o of overrides) byDate.set(o.date, { ...o, source: 'override' });
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  async calendar(from: string, to: string): Promise<WorkCalendar> {
    const days = await this.days(from, to);
    return {
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
      coveredThrough: await this.coveredThrough(),
    };
  }

  /** The last year whose schedule is known: the package's, then the years administrators confirmed. */
  async coveredThrough(): Promise<number> {
    const rows: { year: number }[] = await this.ds.query(`SELECT year FROM calendar_years ORDER BY year`);
    return coveredThrough(
      PACKAGE_LAST_YEAR,
      rows.map((r) => r.year),
    );
  }

  /** An administrator confirms a year's schedule as entered; true when it was not confirmed before. */
  async confirmYear(year: number, by: string): Promise<boolean> {
    const rows = await this.ds.query(
      `INSERT INTO calendar_years (year, confirmed_by) VALUES ($1, $2) ON CONFLICT (year) DO NOTHING RETURNING year`,
      [year, by],
    );
    this.changes.changed();
    return rows.length > 0;
  }

  async set(date: string, kind: DayKind, name: string | null, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO calendar_days (date, kind, name, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [date, kind, name, by],
    );
    this.changes.changed();
  }

  /** Removes an override; true when there was one. */
  async unset(date: string): Promise<boolean> {
    const [, affected] = await this.ds.query(`DELETE FROM calendar_days WHERE date = $1`, [date]);
    this.changes.changed();
    return affected > 0;
  }
}
