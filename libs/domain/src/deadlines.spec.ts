import { shanghaiTime } from './calendar';
import { deadlinesFor, endOfCalendarDays } from './deadlines';
import { SlaEntry } from './policy';

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
