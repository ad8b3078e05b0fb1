import { parseInstant, shanghaiDate, shanghaiTime } from './calendar';

describe('shanghaiTime', () => {
  it('writes an instant as officers read it, in Asia/Shanghai, to the minute or the second', () => {
    expect(shanghaiTime('2026-03-12T01:00:00Z')).toBe('2026-03-12 09:00');
    expect(shanghaiTime(new Date('2026-12-06T17:16:57Z'), 'second')).toBe('2026-12-07 01:16:57');
  });
});

describe('parseInstant', () => {
  it('reads a date as the start of that day in Shanghai', () => {
    expect(parseInstant('2026-12-31')?.toISOString()).toBe('2026-12-30T16:00:00.000Z');
    expect(shanghaiDate(parseInstant('2026-12-31')!)).toBe('2026-12-31');
  });

  it('reads date-times with their offset', () => {
    expect(parseInstant('2026-03-01T08:30:00+08:00')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseInstant('2026-03-01T00:30Z')?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(parseInstant('2026-03-01T00:30:00.123456Z')?.toISOString()).toBe('2026-03-01T00:30:00.123Z');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-100',
    '2026-W01-1',
    '2026-03-01T25:00Z',
    '2026-03-01T10:00',
    '20260301',
    'tomorrow',
    '',
    '2026-03-01 10:00Z',
    '+275760-09-13',
  ])('refuses %p', (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});
