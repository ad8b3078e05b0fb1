import { moneyText, moneyUnit } from './money';

describe('moneyText: integer yuan as officers read money', () => {
  it.each([
    [80_000_000, '8,000 万元', 'CNY 80 million'],
    [100_000_000, '1 亿元', 'CNY 100 million'],
    [120_000_000, '1.2 亿元', 'CNY 120 million'],
    [1_500_000_000, '15 亿元', 'CNY 1,500 million'],
    // Exact to the yuan: 亿元 only where whole 万元 say it.
    [123_456_789, '12,345.6789 万元', 'CNY 123.456789 million'],
    [6_000_000, '600 万元', 'CNY 6 million'],
    [125_000, '12.5 万元', 'CNY 125,000'],
    [0, '0 万元', 'CNY 0'],
    [-2_500_000, '-250 万元', 'CNY -2.5 million'],
  ])('%s yuan reads %s and %s', (yuan, zh, en) => {
    expect(moneyText(yuan, 'zh')).toBe(zh);
    expect(moneyText(yuan, 'en')).toBe(en);
  });
});

describe('moneyUnit: what a chart axis counts money in', () => {
  it('is 万元 in Chinese and millions in English, as moneyText words amounts', () => {
    expect(moneyUnit('zh')).toEqual({ yuan: 10_000, label: '万元' });
    expect(moneyUnit('en')).toEqual({ yuan: 1_000_000, label: 'CNY million' });
  });
});
