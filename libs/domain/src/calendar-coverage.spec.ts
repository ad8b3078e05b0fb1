import { coveredThrough, isProvisionalDeadline, missingCalendarYear } from './calendar-coverage';
import { addWorkingDays } from './working-days';

describe('calendar coverage', () => {
  it('extends the package years only by confirmed years without a gap', () => {
    expect(coveredThrough(2026, [])).toBe(2026);
    expect(coveredThrough(2026, [2027])).toBe(2027);
    expect(coveredThrough(2026, [2028])).toBe(2026);
    expect(coveredThrough(2026, [2027, 2028, 2030])).toBe(2028);
  });

  it('marks a 10-working-day deadline set on 2026-12-24 provisional until 2027 is covered', () => {
    // 25, 28, 29, 30, 31 December, then 1 January counted as a working day for want of a schedule.
    const due = addWorkingDays(new Date('2026-12-24T10:00:00+08:00'), 10, { holidays: [], workdays: [] });
    expect(due.toISOString()).toBe('2027-01-07T10:00:00.000Z');
    // Entered, 元旦 is a day off and the same deadline moves a day later.
    const entered = addWorkingDays(new Date('2026-12-24T10:00:00+08:00'), 10, {
      holidays: ['2027-01-01'],
      workdays: [],
    });
    expect(entered.toISOString()).toBe('2027-01-08T10:00:00.000Z');
    expect(isProvisionalDeadline(due, 2026)).toBe(true);
    expect(isProvisionalDeadline(due, 2027)).toBe(false);
    // Without knowledge of the coverage (histories made before it existed) nothing is marked.
    expect(isProvisionalDeadline(due, undefined)).toBe(false);
  });

  it('counts a deadline ending on the last day of the covered year as covered (Shanghai time)', () => {
    expect(isProvisionalDeadline(new Date('2026-12-31T10:00:00Z'), 2026)).toBe(false);
    expect(isProvisionalDeadline(new Date('2026-12-31T16:00:00Z'), 2026)).toBe(true); // 1 Jan, 00:00 in Shanghai
  });

  it('asks for next year from 1 November, and for this year whenever it is missing', () => {
    expect(missingCalendarYear('2026-10-31', 2026)).toBeNull();
    expect(missingCalendarYear('2026-11-01', 2026)).toBe(2027);
    expect(missingCalendarYear('2026-12-24', 2027)).toBeNull();
    expect(missingCalendarYear('2027-02-01', 2026)).toBe(2027);
  });
});
