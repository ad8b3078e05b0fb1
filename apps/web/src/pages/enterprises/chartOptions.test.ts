import { DIAGNOSIS_DIMENSIONS } from '@hardtech/domain/ledger';
import { describe, expect, it } from 'vitest';
import { doublingGrid, portraitOption, wrapWords } from './chartOptions';

const dimensions = (locale: 'zh' | 'en') =>
  DIAGNOSIS_DIMENSIONS.map((d) => ({ label: d.label[locale], score: 3 }));

interface Radar {
  radius: string;
  indicator: { name: string }[];
}
const radarOf = (option: object) => (option as { radar: Radar }).radar;

describe('the enterprise page’s charts on a phone', () => {
  it('draws the portrait’s web smaller, its English names broken between words, so none runs off the card', () => {
    const desk = radarOf(portraitOption(dimensions('en'), 'Score', false));
    const phone = radarOf(portraitOption(dimensions('en'), 'Score', true));
    expect(desk.indicator.map((i) => i.name)).toContain('Market positioning');
    expect(parseFloat(phone.radius)).toBeLessThanOrEqual(46);
    // At 11 px a line of 15 characters (Standardisation) is about 80 px: what is left beside a 46% web.
    for (const { name } of phone.indicator)
      for (const line of name.split('\n')) expect(line.length).toBeLessThanOrEqual(15);
    expect(phone.indicator.map((i) => i.name)).toContain('Market\npositioning');
    // Chinese names stay on one line: six characters fit beside the smaller web.
    const zh = radarOf(portraitOption(dimensions('zh'), '评分', true));
    expect(zh.indicator.map((i) => i.name)).toContain('质量品牌管理');
  });

  it('starts the doubling plot below the legend’s two rows, where 万元 sat on the legend', () => {
    expect(doublingGrid(false).grid.top).toBe(40);
    expect(doublingGrid(true).grid.top).toBeGreaterThanOrEqual(72);
  });

  it('wraps words greedily', () => {
    expect(wrapWords('Key technology needs')).toBe('Key\ntechnology\nneeds');
    expect(wrapWords('Testing & certification')).toBe('Testing &\ncertification');
    expect(wrapWords('关键技术需求')).toBe('关键技术需求');
  });
});
