import {
  dispatchQuarterChoices,
  dispatchQuarterRefusal,
  nextQuarterlyDispatch,
  tickedForQuarter,
} from './quarters';

describe('nextQuarterlyDispatch', () => {
  it('is the first day of the next quarter, Asia/Shanghai', () => {
    expect(nextQuarterlyDispatch(new Date('2026-12-06T21:00:00Z'))).toBe('2027-01-01');
    expect(nextQuarterlyDispatch(new Date('2026-02-15T00:00:00Z'))).toBe('2026-04-01');
  });

  it('is still that day until its 09:00 in Shanghai, the next quarter once it has run', () => {
    // 2026-07-01 08:59 and 09:00 in Shanghai
    expect(nextQuarterlyDispatch(new Date('2026-07-01T00:59:00Z'))).toBe('2026-07-01');
    expect(nextQuarterlyDispatch(new Date('2026-07-01T01:00:00Z'))).toBe('2026-10-01');
    // 31 December 20:00 UTC is already 1 January 04:00 in Shanghai
    expect(nextQuarterlyDispatch(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dispatchQuarterRefusal (一季一调度 by hand)', () => {
  // 2026-12-31 23:59 and 2027-01-01 00:00 in Beijing
  const lastMinute = new Date('2026-12-31T15:59:00Z');
  const newYear = new Date('2027-01-01T00:00:00+08:00');

  it('refuses a quarter until 24:00 Beijing time of its last day, though UTC is still on that day', () => {
    expect(dispatchQuarterRefusal('2026Q4', lastMinute)).toBe('not_ended');
    expect(dispatchQuarterRefusal('2026Q4', new Date('2026-12-31T15:59:59.999Z'))).toBe('not_ended');
    // 31 December 16:00 UTC: still 31 December in UTC, already 1 January in Beijing
    expect(newYear.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(dispatchQuarterRefusal('2026Q4', newYear)).toBeNull();
  });

  it('refuses the current quarter and future ones, takes the last ended and the one before', () => {
    const today = new Date('2026-12-07T08:00:00Z');
    expect(dispatchQuarterRefusal('2026Q4', today)).toBe('not_ended');
    expect(dispatchQuarterRefusal('2031Q1', today)).toBe('not_ended');
    expect(dispatchQuarterRefusal('2026Q3', today)).toBeNull();
    expect(dispatchQuarterRefusal('2026Q2', today)).toBeNull();
    expect(dispatchQuarterRefusal('2026Q1', today)).toBe('too_old');
    expect(dispatchQuarterRefusal('2019Q4', today)).toBe('too_old');
  });

  it('offers the last ended quarter first, then the one before, across a year', () => {
    expect(dispatchQuarterChoices(new Date('2026-12-07T08:00:00Z'))).toEqual(['2026Q3', '2026Q2']);
    expect(dispatchQuarterChoices(lastMinute)).toEqual(['2026Q3', '2026Q2']);
    expect(dispatchQuarterChoices(newYear)).toEqual(['2026Q4', '2026Q3']);
    expect(dispatchQuarterChoices(new Date('2027-04-15T00:00:00Z'))).toEqual(['2027Q1', '2026Q4']);
  });

  it('offers nothing before the pool’s first year (2023)', () => {
    expect(dispatchQuarterChoices(new Date('2023-04-10T00:00:00Z'))).toEqual(['2023Q1']);
    expect(dispatchQuarterRefusal('2022Q4', new Date('2023-04-10T00:00:00Z'))).toBe('too_old');
  });
});

describe('tickedForQuarter (a member is not asked for a quarter before its time)', () => {
  it('takes the quarter a dispatch on its admission day reports, and later ones', () => {
    expect(tickedForQuarter('2026Q3', '2026-12-07')).toBe(true);
    expect(tickedForQuarter('2026Q4', '2026-12-07')).toBe(true);
    expect(tickedForQuarter('2026Q2', '2026-12-07')).toBe(false);
    expect(tickedForQuarter('2023Q4', '2026-12-07')).toBe(false);
  });

  it('reads the admission day in Beijing time: 1 October is the fourth quarter', () => {
    expect(tickedForQuarter('2026Q2', '2026-09-30')).toBe(true);
    expect(tickedForQuarter('2026Q2', '2026-10-01')).toBe(false);
    expect(tickedForQuarter('2026Q3', '2026-10-01')).toBe(true);
  });
});
