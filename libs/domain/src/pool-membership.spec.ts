import { admissionYears, hasStanding, inPoolOn, memberOn, poolDateOf } from './pool-membership';

describe('in the pool on date D', () => {
  const period = { from: '2026-03-10', to: '2026-09-30' };

  it('counts the admission day, not the day it left (a graduate has left on its graduation day)', () => {
    expect(inPoolOn(period, '2026-03-09')).toBe(false);
    expect(inPoolOn(period, '2026-03-10')).toBe(true);
    expect(inPoolOn(period, '2026-09-29')).toBe(true);
    expect(inPoolOn(period, '2026-09-30')).toBe(false);
  });

  it('has it a member on both the admission day and the day it left, for the 二(六) check', () => {
    expect(memberOn(period, '2026-03-09')).toBe(false);
    expect(memberOn(period, '2026-03-10')).toBe(true);
    expect(memberOn(period, '2026-09-30')).toBe(true);
    expect(memberOn(period, '2026-10-01')).toBe(false);
    expect(memberOn({ from: '2026-03-10', to: null }, '2099-01-01')).toBe(true);
  });

  it('keeps an open period in the pool from its admission day on', () => {
    expect(inPoolOn({ from: '2026-03-10', to: null }, '2099-01-01')).toBe(true);
    expect(inPoolOn({ from: '2026-03-10', to: null }, '2026-03-09')).toBe(false);
  });

  it('takes a past year’s figures on its last day and this year’s today', () => {
    expect(poolDateOf(2025, '2026-12-05')).toBe('2025-12-31');
    expect(poolDateOf(2026, '2026-12-05')).toBe('2026-12-05');
    expect(poolDateOf(2026, '2026-12-31')).toBe('2026-12-31');
  });

  it('lists the admission years from the work plan’s first', () => {
    expect(admissionYears(2026)).toEqual([2023, 2024, 2025, 2026]);
    expect(admissionYears(2023)).toEqual([2023]);
  });
});

describe('三年倍增 standing', () => {
  it('reads the latest report: reporting, on the path, behind it, doubled', () => {
    const onPath = { growth: 1.6, onTrack: true };
    const behind = { growth: 1.05, onTrack: false };
    const doubled = { growth: 2, onTrack: true };
    const silent = { growth: null, onTrack: null };
    expect([onPath, behind, doubled, silent].map((r) => hasStanding(r, 'reporting'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([onPath, behind, doubled, silent].map((r) => hasStanding(r, 'on_track'))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([onPath, behind, doubled, silent].map((r) => hasStanding(r, 'behind'))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect([onPath, behind, doubled, silent].map((r) => hasStanding(r, 'doubled'))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});
