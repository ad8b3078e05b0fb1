import {
  addDuration,
  durationInUnits,
  durationOf,
  isDuration,
  parseDuration,
  subtractDuration,
} from './durations';

describe('ISO 8601 durations', () => {
  const start = new Date('2026-01-31T01:00:00Z');

  it('parses the SLA forms the policy uses', () => {
    expect(parseDuration('P10D')).toMatchObject({ days: 10 });
    expect(parseDuration('PT12H')).toMatchObject({ hours: 12 });
    expect(parseDuration('PT5S')).toMatchObject({ seconds: 5 });
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it.each(['', 'P', 'PT', '10D', 'P1.5D', 'P-1D', 'PTD', 'P1DT'])('refuses %j', (value) => {
    expect(isDuration(value)).toBe(false);
  });

  it('adds days as 24 hours and months on the calendar', () => {
    expect(addDuration(start, 'P10D').toISOString()).toBe('2026-02-10T01:00:00.000Z');
    expect(addDuration(start, 'PT1.5S').toISOString()).toBe('2026-01-31T01:00:01.500Z');
    expect(addDuration(new Date('2026-01-15T00:00:00Z'), 'P1M').toISOString()).toBe(
      '2026-02-15T00:00:00.000Z',
    );
  });

  it('subtracts for reminders before a due date', () => {
    expect(subtractDuration(new Date('2026-02-10T01:00:00Z'), 'P2D').toISOString()).toBe(
      '2026-02-08T01:00:00.000Z',
    );
  });
});

describe('durations in one unit (what the policy form shows)', () => {
  it('reads days, hours and weeks as an amount of one unit', () => {
    expect(durationInUnits('P10D')).toEqual({ amount: 10, unit: 'days' });
    expect(durationInUnits('PT12H')).toEqual({ amount: 12, unit: 'hours' });
    expect(durationInUnits('P2W')).toEqual({ amount: 2, unit: 'weeks' });
  });

  it('gives up on what one unit cannot say, and on what is not a duration', () => {
    expect(durationInUnits('P1DT12H')).toBeNull();
    expect(durationInUnits('P1M')).toBeNull();
    expect(durationInUnits('PT0.5S')).toBeNull();
    expect(durationInUnits('ten days')).toBeNull();
  });

  it('writes back the ISO form it read', () => {
    for (const iso of ['P10D', 'PT12H', 'P2W', 'P0D']) {
      const parts = durationInUnits(iso);
      if (iso === 'P0D') expect(parts).toBeNull();
      else expect(durationOf(parts!.amount, parts!.unit)).toBe(iso);
    }
  });
});
