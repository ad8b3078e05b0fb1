// ECharts options for the enterprise page's two charts: pure, so the tests can read what a chart
// would draw on a desk and on a phone without a canvas.
import type { EChartsCoreOption } from 'echarts';

/** Words onto lines of at most `max` characters (a Chinese name has no spaces: one line). */
export function wrapWords(label: string, max = 12): string {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/**
 * 企业画像: thirteen dimensions scored 1–5. On a phone the card is about 340 px wide: at the desk's
 * radius the names at the sides ran off the card (质量品牌管…, "Market positioning" lost its M), so
 * the web is smaller there and an English name breaks between its words.
 */
export function portraitOption(
  dimensions: { label: string; score: number }[],
  seriesName: string,
  narrow: boolean,
): EChartsCoreOption {
  return {
    tooltip: {},
    radar: {
      radius: narrow ? '46%' : '62%',
      indicator: dimensions.map((d) => ({ name: narrow ? wrapWords(d.label) : d.label, max: 5 })),
      axisName: { fontSize: narrow ? 11 : 12 },
      ...(narrow ? { axisNameGap: 8 } : {}),
    },
    series: [
      {
        type: 'radar',
        areaStyle: { opacity: 0.25 },
        data: [{ name: seriesName, value: dimensions.map((d) => d.score) }],
      },
    ],
  };
}

/** The legend's rows: on a phone its three entries wrap onto two, so the plot starts lower. */
export function doublingGrid(narrow: boolean) {
  return narrow
    ? { legend: { top: 0, left: 0, itemGap: 8 }, grid: { left: 56, right: 16, top: 76, bottom: 32 } }
    : { legend: { top: 0 }, grid: { left: 64, right: 24, top: 40, bottom: 32 } };
}
