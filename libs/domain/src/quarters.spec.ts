import { nextQuarterlyDispatch } from './quarters';

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
