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
