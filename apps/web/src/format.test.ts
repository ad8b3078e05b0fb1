import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateText, dateTimeSecondsText, dateTimeText, quarterText } from './format';

// Officers read times in Chongqing whatever their browser's zone; the API sends them in UTC. The
// test runs in New York's zone so that a format in the browser's zone would show 2026-12-06 12:16.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('dates in one format across the UI, in Asia/Shanghai', () => {
  it('writes an instant as 2026-12-07 01:16 and a day as 2026-12-07, whatever the browser zone', () => {
    expect(new Date('2026-12-06T17:16:57Z').getHours()).toBe(12); // the browser's clock is not Shanghai's
    expect(dateTimeText('2026-12-06T17:16:57Z')).toBe('2026-12-07 01:16');
    expect(dateTimeSecondsText('2026-12-06T17:16:57Z')).toBe('2026-12-07 01:16:57');
    expect(dateText('2026-12-06T17:16:57Z')).toBe('2026-12-07');
    expect(dateTimeText(null)).toBe('');
    expect(dateText(undefined)).toBe('');
  });
});

describe('quarters as people write them', () => {
  it('writes 2026Q3 as 2026年第三季度, 2026 Q3 in English; anything else as it is', () => {
    expect(quarterText('2026Q3', 'zh-CN')).toBe('2026年第三季度');
    expect(quarterText('2027Q1', 'zh-CN')).toBe('2027年第一季度');
    expect(quarterText('2026Q4', 'en')).toBe('2026 Q4');
    expect(quarterText('2026-Q4', 'zh-CN')).toBe('2026-Q4');
    expect(quarterText(null, 'en')).toBe('');
  });
});
