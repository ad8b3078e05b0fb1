import { beforeAll, describe, expect, it } from 'vitest';
import { dateText, dateTimeText } from './format';

// Officers read times in Chongqing; the API sends them in UTC.
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});

describe('dates in one format across the UI', () => {
  it('writes an instant as 2026-12-07 01:16 and a day as 2026-12-07, whatever the language', () => {
    expect(dateTimeText('2026-12-06T17:16:57Z')).toBe('2026-12-07 01:16');
    expect(dateText('2026-12-06T17:16:57Z')).toBe('2026-12-07');
    expect(dateTimeText(null)).toBe('');
  });
});
