import { doublingPercent, doublingProgress, quarterEnd } from './doubling';

describe('三年倍增 progress', () => {
  const admitted = '2026-01-05T02:00:00Z';
  const q = (quarter: string, revenue: number) => ({ quarter, revenue });

  it('ends a quarter at midnight Asia/Shanghai', () => {
    expect(quarterEnd('2026Q1').toISOString()).toBe('2026-03-31T15:59:59.999Z');
    expect(quarterEnd('2026Q4').toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('annualises a single quarter and compares it with the compound path', () => {
    const p = doublingProgress(80_000_000, admitted, [q('2026Q1', 25_000_000)])!;
    expect(p.annualizedRevenue).toBe(100_000_000);
    expect(p.growth).toBe(1.25);
    expect(p.expected).toBeCloseTo(2 ** (p.yearsInPool / 3), 3);
    expect(p.yearsInPool).toBe(0.2343); // 5 Jan 10:00 to 31 Mar 24:00 in Shanghai: 85.6 days
    expect(p).toMatchObject({ onTrack: true, doubled: false });
  });

  it('uses the trailing four quarters only', () => {
    const p = doublingProgress(100_000_000, admitted, [
      q('2026Q1', 1),
      q('2026Q2', 50_000_000),
      q('2026Q3', 50_000_000),
      q('2026Q4', 50_000_000),
      q('2027Q1', 50_000_000),
    ])!;
    expect(p).toMatchObject({ quarter: '2027Q1', annualizedRevenue: 200_000_000, growth: 2, doubled: true });
  });

  it('is behind the path when revenue stays flat', () => {
    const reports = ['2026Q1', '2026Q2', '2026Q3', '2026Q4', '2027Q1', '2027Q2'].map((x) => q(x, 20_000_000));
    const p = doublingProgress(80_000_000, admitted, reports)!;
    expect(p.growth).toBe(1);
    expect(p.expected).toBeGreaterThan(1.3);
    expect(p.onTrack).toBe(false);
  });

  it('has no growth without a baseline, and nothing without reports', () => {
    expect(doublingProgress(0, admitted, [q('2026Q1', 1)])).toMatchObject({ growth: null, onTrack: false });
    expect(doublingProgress(1, admitted, [])).toBeNull();
  });

  it('reads progress from the baseline (×1) to the target (×2), not from zero', () => {
    expect(doublingPercent(1.3)).toBe(30);
    expect(doublingPercent(1)).toBe(0);
    expect(doublingPercent(1.5)).toBe(50);
    expect(doublingPercent(2)).toBe(100);
    expect(doublingPercent(2.4)).toBe(100);
    expect(doublingPercent(0.8)).toBe(0);
    expect(doublingPercent(1.004)).toBe(0);
  });
});
