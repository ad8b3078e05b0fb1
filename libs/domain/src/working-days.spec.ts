import schedule from 'chinese-days/dist/chinese-days.json';
import { addWorkingDays, isWorkingDay, WorkCalendar, workingDayOnOrAfter } from './working-days';

// 2026 National Day: 1–7 October off; Sunday 20 September and Saturday 10 October are worked (调休).
const cal2026: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
};

describe('working days (State Council schedule)', () => {
  it('knows weekends, holidays and make-up Saturdays', () => {
    expect(isWorkingDay('2026-10-09', cal2026)).toBe(true);
    expect(isWorkingDay('2026-10-05', cal2026)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal2026)).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-10-11', cal2026)).toBe(false);
  });

  it('finds the first working day on or after a date', () => {
    expect(workingDayOnOrAfter('2026-10-09', cal2026)).toBe('2026-10-09');
    expect(workingDayOnOrAfter('2026-10-01', cal2026)).toBe('2026-10-08'); // 3, 4 a weekend
    expect(workingDayOnOrAfter('2026-10-10', cal2026)).toBe('2026-10-10'); // 调休 Saturday
    expect(workingDayOnOrAfter('2026-10-11', cal2026)).toBe('2026-10-12');
  });

  it('lands 10 working days from Monday 28 September 2026 on Friday 16 October, 18:00 Asia/Shanghai', () => {
    // 29, 30 Sep; 8, 9, 10 (Sat, 调休), 12, 13, 14, 15, 16 Oct.
    expect(addWorkingDays(new Date('2026-09-28T03:00:00Z'), 10, cal2026).toISOString()).toBe(
      '2026-10-16T10:00:00.000Z',
    );
  });

  it('counts from the Shanghai date, also late in the evening', () => {
    // 23:30 on Friday 9 October in Shanghai is 15:30 UTC; the next working day is Saturday 10 October.
    expect(addWorkingDays(new Date('2026-10-09T15:30:00Z'), 1, cal2026).toISOString()).toBe(
      '2026-10-10T10:00:00.000Z',
    );
  });

  it('follows an override for a year the package does not cover', () => {
    const base = addWorkingDays(new Date('2026-12-30T02:00:00Z'), 2, { holidays: [], workdays: [] });
    expect(base.toISOString()).toBe('2027-01-01T10:00:00.000Z');
    const withNewYear = addWorkingDays(new Date('2026-12-30T02:00:00Z'), 2, {
      holidays: ['2027-01-01'],
      workdays: [],
    });
    expect(withNewYear.toISOString()).toBe('2027-01-04T10:00:00.000Z');
  });
});

describe('with the State Council schedule as the chinese-days package publishes it', () => {
  // The data the CalendarRepository serves (before administrators' overrides).
  const real: WorkCalendar = {
    holidays: Object.keys(schedule.holidays),
    workdays: Object.keys(schedule.workdays),
  };

  it('has 2026’s National Day and its make-up Saturday', () => {
    expect(isWorkingDay('2026-10-01', real)).toBe(false);
    expect(isWorkingDay('2026-10-10', real)).toBe(true);
  });

  it('lands a 10-working-day deadline from 28 September 2026 on 16 October', () => {
    expect(addWorkingDays(new Date('2026-09-28T03:00:00Z'), 10, real).toISOString()).toBe(
      '2026-10-16T10:00:00.000Z',
    );
  });
});
