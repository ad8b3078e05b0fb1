import schedule from 'chinese-days/dist/chinese-days.json';
import { shanghaiTime } from './calendar';
import { deadlinesFor, endOfCalendarDays } from './deadlines';
import { SlaEntry } from './policy';
import { WorkCalendar } from './working-days';

describe('task deadlines to the minute (lifecycles recorded before calendar days ended the day)', () => {
  const created = new Date('2026-03-02T01:00:00Z');

  it('reminds before and escalates after the due date', () => {
    const d = deadlinesFor(
      created,
      { due: 'P10D', remindBefore: 'P2D', escalateAfter: 'P1D' },
      null,
      'exact',
    );
    expect([d.remindAt, d.dueAt, d.escalateAt].map((x) => x.toISOString())).toEqual([
      '2026-03-10T01:00:00.000Z',
      '2026-03-12T01:00:00.000Z',
      '2026-03-13T01:00:00.000Z',
    ]);
  });

  it('never reminds before the task exists', () => {
    const d = deadlinesFor(
      created,
      { due: 'PT5S', remindBefore: 'P1D', escalateAfter: 'PT5S' },
      null,
      'exact',
    );
    expect(d.remindAt).toEqual(created);
    expect(d.escalateAt.toISOString()).toBe('2026-03-02T01:00:10.000Z');
  });
});

describe('working-day deadlines', () => {
  it('counts working days on the calendar and keeps ISO offsets for reminder and escalation', () => {
    const d = deadlinesFor(
      new Date('2026-09-28T03:00:00Z'),
      { due: { workingDays: 10 }, remindBefore: 'P1D', escalateAfter: 'PT12H' },
      {
        holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
        workdays: ['2026-10-10'],
      },
      'day-end',
    );
    expect([d.remindAt, d.dueAt, d.escalateAt].map((x) => x.toISOString())).toEqual([
      '2026-10-15T10:00:00.000Z',
      '2026-10-16T10:00:00.000Z',
      '2026-10-16T22:00:00.000Z',
    ]);
  });
});

describe('calendar days end with the Shanghai day (自次日起算, 期间最后一日的二十四时)', () => {
  const sla = (due: string, remindBefore = 'P2D', escalateAfter = 'P1D'): SlaEntry => ({
    due,
    remindBefore,
    escalateAfter,
  });
  const dueOf = (created: string, due: string) =>
    deadlinesFor(new Date(created), sla(due), null, 'day-end').dueAt.toISOString();

  it('counts N days from the next day and ends with the last millisecond of the N-th', () => {
    // Created 2026-12-06 04:38 Shanghai: due on the whole of 16 December, not at 04:38.
    const d = deadlinesFor(new Date('2026-12-05T20:38:00Z'), sla('P10D'), null, 'day-end');
    expect(shanghaiTime(d.dueAt, 'second')).toBe('2026-12-16 23:59:59');
    expect(d.dueAt.toISOString()).toBe('2026-12-16T15:59:59.999Z');
  });

  it('reminds and escalates counted from 24:00 of the last day, whole days at 09:00, not midnight', () => {
    const d = deadlinesFor(new Date('2026-12-05T20:38:00Z'), sla('P10D'), null, 'day-end');
    expect([d.remindAt, d.escalateAt].map((x) => shanghaiTime(x))).toEqual([
      '2026-12-15 09:00', // two whole days left, at the start of the office day
      '2026-12-18 09:00', // after one more whole day
    ]);
    const whistle = deadlinesFor(
      new Date('2026-12-05T20:38:00Z'),
      sla('P3D', 'P1D', 'PT12H'),
      null,
      'day-end',
    );
    expect([whistle.remindAt, whistle.dueAt, whistle.escalateAt].map((x) => shanghaiTime(x))).toEqual([
      '2026-12-09 09:00',
      '2026-12-09 23:59',
      '2026-12-10 12:00',
    ]);
  });

  it('takes the Shanghai day of creation around its midnight (16:00 UTC)', () => {
    expect(dueOf('2026-03-01T15:59:59.999Z', 'P1D')).toBe('2026-03-02T15:59:59.999Z'); // 3-1 23:59:59
    expect(dueOf('2026-03-01T16:00:00.000Z', 'P1D')).toBe('2026-03-03T15:59:59.999Z'); // 3-2 00:00
    expect(dueOf('2026-03-01T00:00:00.000Z', 'P1D')).toBe('2026-03-02T15:59:59.999Z'); // 3-1 08:00
  });

  it('runs over month and year ends, and leap days', () => {
    expect(dueOf('2026-02-20T02:00:00Z', 'P10D')).toBe('2026-03-02T15:59:59.999Z');
    expect(dueOf('2028-02-20T02:00:00Z', 'P10D')).toBe('2028-03-01T15:59:59.999Z');
    expect(dueOf('2026-12-25T02:00:00Z', 'P10D')).toBe('2027-01-04T15:59:59.999Z');
    // 2027-01-01 00:30 in Shanghai, still 2026 in UTC: the new year's day is the day of creation.
    expect(dueOf('2026-12-31T16:30:00Z', 'P1D')).toBe('2027-01-02T15:59:59.999Z');
    expect(dueOf('2026-12-31T15:30:00Z', 'P1D')).toBe('2027-01-01T15:59:59.999Z');
  });

  it('counts weeks as days, and months and years on the calendar (the month-end when no such date)', () => {
    expect(dueOf('2026-03-02T01:00:00Z', 'P2W')).toBe('2026-03-16T15:59:59.999Z');
    expect(dueOf('2026-01-31T01:00:00Z', 'P1M')).toBe('2026-02-28T15:59:59.999Z');
    expect(dueOf('2028-01-31T01:00:00Z', 'P1M')).toBe('2028-02-29T15:59:59.999Z');
    expect(dueOf('2026-11-30T01:00:00Z', 'P1M10D')).toBe('2027-01-09T15:59:59.999Z');
    expect(dueOf('2028-02-29T01:00:00Z', 'P1Y')).toBe('2029-02-28T15:59:59.999Z');
  });

  it('keeps a due with a time part exact', () => {
    expect(dueOf('2026-03-02T01:00:00Z', 'PT12H')).toBe('2026-03-02T13:00:00.000Z');
    expect(dueOf('2026-03-02T01:00:00Z', 'P1DT12H')).toBe('2026-03-03T13:00:00.000Z');
    expect(endOfCalendarDays(new Date('2026-03-02T01:00:00Z'), 'PT5S')).toBeNull();
  });

  it('leaves working days at 18:00 and the old rule to the minute', () => {
    const created = '2026-12-05T20:38:00Z';
    const working = { due: { workingDays: 1 }, remindBefore: 'PT2H', escalateAfter: 'P1D' };
    expect(deadlinesFor(new Date(created), working, null, 'day-end').dueAt.toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    expect(deadlinesFor(new Date(created), sla('P10D'), null, 'exact').dueAt.toISOString()).toBe(
      '2026-12-15T20:38:00.000Z',
    );
  });
});

describe('a last day on a rest day rolls to the next working day (民法典第二百零三条)', () => {
  // The State Council's schedule as the chinese-days package publishes it (2026: 春节 15–23 February
  // off, Saturdays 14 and 28 February worked; 国庆 1–7 October off, Sunday 20 September and Saturday
  // 10 October worked), covered through 2026.
  const real: WorkCalendar = {
    holidays: Object.keys(schedule.holidays),
    workdays: Object.keys(schedule.workdays),
    coveredThrough: 2026,
  };
  const sla = (due: string, remindBefore = 'P2D', escalateAfter = 'P1D'): SlaEntry => ({
    due,
    remindBefore,
    escalateAfter,
  });
  /** Created at 10:00 Shanghai of `day`: reminder, due and escalation, to the minute. */
  const times = (day: string, s: SlaEntry, cal: WorkCalendar | null = real) => {
    const d = deadlinesFor(new Date(`${day}T10:00:00+08:00`), s, cal, 'day-end-rolled');
    return [d.remindAt, d.dueAt, d.escalateAt].map((x) => shanghaiTime(x));
  };

  it('ends a period whose last day falls in 国庆 with the first working day after it', () => {
    // 23 September + P10D = Saturday 3 October: the holiday ends on the 7th, due Thursday 8th. The
    // reminder (P2D before its 24:00: the 7th, a holiday) comes on the 8th at 09:00; the escalation
    // (P1D after: Saturday 10th) on that make-up working day.
    expect(times('2026-09-23', sla('P10D'))).toEqual([
      '2026-10-08 09:00',
      '2026-10-08 23:59',
      '2026-10-10 09:00',
    ]);
  });

  it('leaves a last day on a make-up Saturday (调休) where it is', () => {
    expect(times('2026-09-30', sla('P10D'))).toEqual([
      '2026-10-09 09:00',
      '2026-10-10 23:59',
      '2026-10-12 09:00', // P1D after is Sunday the 11th
    ]);
    expect(times('2026-02-04', sla('P10D'))[1]).toBe('2026-02-14 23:59');
  });

  it('ends a period whose last day falls in 春节 with the first working day after it', () => {
    // 10 February + P10D = Friday 20 February: off until the 23rd, due Tuesday 24 February.
    expect(times('2026-02-10', sla('P10D'))).toEqual([
      '2026-02-24 09:00', // P2D before is the 23rd, still off
      '2026-02-24 23:59',
      '2026-02-26 09:00',
    ]);
    // A make-up Sunday is worked too: 25 December 2025 + P10D = Sunday 4 January 2026 (调休).
    expect(times('2025-12-25', sla('P10D'))[1]).toBe('2026-01-04 23:59');
  });

  it('rolls past a weekend, with or without the calendar', () => {
    // Wednesday 9 December + P10D = Saturday 19th: due Monday 21st.
    for (const cal of [real, null]) {
      expect(times('2026-12-09', sla('P10D'), cal)).toEqual([
        '2026-12-21 09:00', // P2D before: Saturday 19th
        '2026-12-21 23:59',
        '2026-12-23 09:00',
      ]);
    }
    // Due on a Friday, escalated P1D after on a Sunday: on Monday. Due on a Monday, reminded P2D
    // before on a Sunday: on Monday itself, never on the rest day nor earlier than counted.
    expect(times('2026-12-08', sla('P10D'))).toEqual([
      '2026-12-17 09:00',
      '2026-12-18 23:59',
      '2026-12-21 09:00',
    ]);
    expect(times('2026-12-04', sla('P10D'))).toEqual([
      '2026-12-14 09:00',
      '2026-12-14 23:59',
      '2026-12-16 09:00',
    ]);
  });

  it('keeps offsets with a time part exact: a whistle escalates PT12H after, holiday or not', () => {
    // 29 September + P3D = Thursday 2 October: due Thursday 8th; escalated at 12:00 of the 9th.
    expect(times('2026-09-29', sla('P3D', 'P1D', 'PT12H'))).toEqual([
      '2026-10-08 09:00',
      '2026-10-08 23:59',
      '2026-10-09 12:00',
    ]);
  });

  it('is provisional when the last day is in a year the calendar does not cover', () => {
    const d = (day: string, rule: 'day-end-rolled' | 'day-end') =>
      deadlinesFor(new Date(`${day}T10:00:00+08:00`), sla('P10D'), real, rule);
    expect(d('2026-12-25', 'day-end-rolled').provisional).toBe(true); // 4 January 2027
    expect(d('2026-12-20', 'day-end-rolled').provisional).toBe(false); // 30 December
    expect(d('2026-12-25', 'day-end').provisional).toBe(false);
  });

  it('leaves runs recorded before the roll on the rest day', () => {
    const d = deadlinesFor(new Date('2026-09-23T10:00:00+08:00'), sla('P10D'), real, 'day-end');
    expect([d.dueAt, d.escalateAt].map((x) => shanghaiTime(x))).toEqual([
      '2026-10-03 23:59',
      '2026-10-05 09:00',
    ]);
  });
});
