import { deadlinesFor } from './deadlines';

describe('task deadlines', () => {
  const created = new Date('2026-03-02T01:00:00Z');

  it('reminds before and escalates after the due date', () => {
    const d = deadlinesFor(created, { due: 'P10D', remindBefore: 'P2D', escalateAfter: 'P1D' });
    expect([d.remindAt, d.dueAt, d.escalateAt].map((x) => x.toISOString())).toEqual([
      '2026-03-10T01:00:00.000Z',
      '2026-03-12T01:00:00.000Z',
      '2026-03-13T01:00:00.000Z',
    ]);
  });

  it('never reminds before the task exists', () => {
    const d = deadlinesFor(created, { due: 'PT5S', remindBefore: 'P1D', escalateAfter: 'PT5S' });
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
    );
    expect([d.remindAt, d.dueAt, d.escalateAt].map((x) => x.toISOString())).toEqual([
      '2026-10-15T10:00:00.000Z',
      '2026-10-16T10:00:00.000Z',
      '2026-10-16T22:00:00.000Z',
    ]);
  });
});
