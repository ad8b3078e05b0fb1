/** A line of a latency chart: its name and its samples in milliseconds. */
export interface Series {
  name: string;
  samplesMs: number[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];
const W = 720;
const H = 360;
const PAD = { left: 60, right: 20, top: 30, bottom: 50 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The latency distributions as cumulative curves on a logarithmic time axis (SVG, written by hand):
 * a curve's height at x is the share of requests answered within x ms, so p50 and p99 are read off
 * where it crosses 0.5 and 0.99, and a long tail shows as a late climb to 1.
 */
export function cdfChart(title: string, series: Series[]): string {
  const all = series.flatMap((s) => s.samplesMs).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const x = (ms: number) =>
    PAD.left +
    ((Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / Math.log10(hi / lo)) * (W - PAD.left - PAD.right);
  const y = (share: number) => H - PAD.bottom - share * (H - PAD.top - PAD.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="14">${escape(title)}</text>`,
  ];
  for (let decade = lo; decade <= hi; decade *= 10) {
    parts.push(
      `<line x1="${x(decade)}" y1="${y(0)}" x2="${x(decade)}" y2="${y(1)}" stroke="#ddd"/>`,
      `<text x="${x(decade)}" y="${y(0) + 16}" text-anchor="middle">${decade} ms</text>`,
    );
  }
  // No line at 1: its label would sit on 0.99's.
  for (const share of [0, 0.5, 0.9, 0.99]) {
    parts.push(
      `<line x1="${PAD.left}" y1="${y(share)}" x2="${W - PAD.right}" y2="${y(share)}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 6}" y="${y(share) + 4}" text-anchor="end">${share}</text>`,
    );
  }
  parts.push(
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle">latency (log scale)</text>`,
    `<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle">share of requests</text>`,
  );
  series.forEach((s, i) => {
    const sorted = [...s.samplesMs].sort((a, b) => a - b);
    const points = sorted.map((ms, k) => `${x(ms).toFixed(1)},${y((k + 1) / sorted.length).toFixed(1)}`);
    const colour = COLOURS[i % COLOURS.length];
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`,
      `<rect x="${PAD.left + 10}" y="${PAD.top + 8 + i * 18}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${PAD.left + 28}" y="${PAD.top + 18 + i * 18}">${escape(s.name)} (n=${sorted.length})</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
