import { memberCount, parsePhases, PHASES, resultsStem } from './phases';

describe('the phases a run measures', () => {
  it('runs every phase without --only, the named ones in the bench order with it', () => {
    expect(parsePhases(undefined)).toEqual([...PHASES]);
    expect(parsePhases('')).toEqual([...PHASES]);
    expect(parsePhases('fanout')).toEqual(['fanout']);
    expect(parsePhases('inbox, round-trip')).toEqual(['round-trip', 'inbox']);
  });

  it('refuses a phase it does not know', () => {
    expect(() => parsePhases('fan-out')).toThrow(/unknown phase fan-out/);
    expect(() => parsePhases('fanout,,inbox')).toThrow(/unknown phase/);
  });

  it('writes a partial run beside the last whole one, never over it', () => {
    expect(resultsStem([...PHASES])).toBe('latest');
    expect(resultsStem(['fanout'])).toBe('only-fanout');
    expect(resultsStem(['round-trip', 'throughput'])).toBe('only-round-trip+throughput');
  });

  it('takes --members as a whole number, else the default', () => {
    expect(memberCount(undefined, 5000)).toBe(5000);
    expect(memberCount('', 100)).toBe(100);
    expect(memberCount('1500', 100)).toBe(1500);
    expect(() => memberCount('1e3x', 100)).toThrow(/whole number/);
    expect(() => memberCount('0', 100)).toThrow(/whole number/);
  });
});
