import { describe, expect, it } from 'vitest';
import { doublingLine, quarterOf } from './doublingLine';

describe('the doubling line', () => {
  it('runs from admission to three years on, reaching twice the baseline', () => {
    const points = doublingLine(80_000_000, '2026-03-01', []);
    expect(points[0].quarter).toBe('2026Q1');
    expect(points.at(-1)!.quarter).toBe('2029Q1');
    expect(points.at(-1)!.path).toBe(160_000_000);
    // One year in, on the compound path 2^(1/3), not the straight line.
    const year = points.find((p) => p.quarter === '2027Q1')!;
    expect(year.path / 80_000_000).toBeCloseTo(2 ** (1.083 / 3), 2);
  });

  it('places reported revenue and the server’s annualised figure in their quarters', () => {
    const points = doublingLine(80_000_000, '2026-11-25', [
      {
        quarter: '2026Q3',
        revenue: 26_000_000,
        rdExpense: 0,
        headcount: 0,
        newClassOneIp: 0,
        financing: 0,
        listingProgress: 'none',
        submittedBy: 'e',
        submittedAt: '2026-11-25T00:00:00Z',
        doubling: { annualizedRevenue: 104_000_000, growth: 1.3, expected: 1, onTrack: true },
      },
    ]);
    expect(points[0]).toMatchObject({ quarter: '2026Q3', revenue: 26_000_000, annualized: 104_000_000 });
    expect(points[1]).toMatchObject({ quarter: '2026Q4', revenue: null });
  });

  it('counts quarters in Asia/Shanghai', () => {
    expect(quarterOf('2026-03-31T16:30:00Z')).toBe('2026Q2');
    expect(quarterOf('2026-03-31T15:30:00Z')).toBe('2026Q1');
  });
});
