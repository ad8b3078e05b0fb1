import { OVERTAKEN, revertChange, sameData } from './revert';

describe('revertChange (撤回 after other transitions)', () => {
  it('gives back the state before when nothing happened since', () => {
    const before = { value: 'screening', ctx: { supplements: 0 } };
    const after = {
      value: { feedback: { district: 'pending', enterprise: 'pending' } },
      ctx: { supplements: 0 },
    };
    expect(revertChange(before, after, after)).toEqual(before);
  });

  it('keeps the parallel branch’s progress and undoes only its own branch', () => {
    const before = { feedback: { district: 'pending', enterprise: 'pending' } };
    const after = { feedback: { district: 'pending', enterprise: 'agreed' } };
    const current = { feedback: { district: 'agreed', enterprise: 'agreed' } };
    expect(revertChange(before, after, current)).toEqual({
      feedback: { district: 'agreed', enterprise: 'pending' },
    });
  });

  it('is overtaken where a later transition changed what the completion changed', () => {
    // The district's support, then the enterprise's confirmation moved the lifecycle to admission.
    const before = { feedback: { district: 'pending', enterprise: 'pending' } };
    const after = { feedback: { district: 'agreed', enterprise: 'pending' } };
    expect(revertChange(before, after, 'admission')).toBe(OVERTAKEN);
    // A finished review, then the next quarter's tick: the quarter began on it.
    expect(
      revertChange({ supporting: 'reviewing' }, { supporting: 'waiting' }, { supporting: 'reporting' }),
    ).toBe(OVERTAKEN);
  });

  it('merges lists by identity: the report it added goes, the whistle blown since stays', () => {
    const q3 = { quarter: '2026Q3', revenue: 1 };
    const before = { quarterlyReports: [], whistles: [], quarter: { lastTicked: '2026Q3', queued: null } };
    const after = { ...before, quarterlyReports: [q3] };
    const current = {
      quarterlyReports: [q3],
      whistles: [{ id: 'w1', status: 'open' }],
      quarter: { lastTicked: '2026Q4', queued: '2026Q4' },
    };
    expect(revertChange(before, after, current)).toEqual({
      quarterlyReports: [],
      whistles: [{ id: 'w1', status: 'open' }],
      quarter: { lastTicked: '2026Q4', queued: '2026Q4' },
    });
  });

  it('is overtaken when the record it wrote was changed since, and restores what it removed', () => {
    const p1 = { id: 'p1', status: 'open' };
    const after = [{ ...p1, status: 'closing' }];
    expect(revertChange([p1], after, [{ ...p1, status: 'closed' }])).toBe(OVERTAKEN);
    expect(revertChange([p1, { id: 'p2' }], [{ id: 'p2' }], [{ id: 'p2' }, { id: 'p3' }])).toEqual([
      p1,
      { id: 'p2' },
      { id: 'p3' },
    ]);
  });

  it('compares as data: absent and undefined fields are the same', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
    expect(sameData([1], [1, 2])).toBe(false);
  });
});
