import { esc } from './html-kit.js';

/**
 * The small inline SVG charts of the printable documents, drawn here so a document needs
 * no script or external asset: a trend sparkline, grouped bars, lines over periods, and an
 * interval bar.
 */

/** A number for SVG coordinates. */
const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

/** The x of the i-th of `count` points spread from left to right (a single point in the middle). */
const spread = (count: number, left: number, right: number) => (i: number) =>
  count === 1 ? (left + right) / 2 : left + ((right - left) * i) / (count - 1);

/** A path through the points, with a gap where a value is missing. */
function pathThrough(
  values: readonly (number | null)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  let path = '';
  values.forEach((v, i) => {
    if (v === null) return;
    const prev = i > 0 ? values[i - 1] : null;
    path += `${prev === null || prev === undefined ? 'M' : 'L'}${n2(x(i))} ${n2(y(v))} `;
  });
  return path.trim();
}

export interface RefLine {
  value: number;
  label: string;
  /** Dashed for a baseline, solid for a target. */
  dashed?: boolean;
}

/**
 * A small trend line: one point per period (a gap where a value is missing), reference
 * lines (baseline dashed, target solid) and the first and last values written at the ends.
 */
export function sparkline(
  values: readonly (number | null)[],
  options: {
    refs?: RefLine[];
    width?: number;
    height?: number;
    format: (x: number) => string;
    title: string;
  },
): string {
  const width = options.width ?? 132;
  const height = options.height ?? 34;
  const refs = options.refs ?? [];
  const known = values.filter((v): v is number => v !== null);
  const all = [...known, ...refs.map((r) => r.value)];
  if (known.length === 0) return '<span class="muted">no data</span>';
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) {
    lo -= 0.5 * Math.abs(lo || 1) * 0.1;
    hi += 0.5 * Math.abs(hi || 1) * 0.1;
  }
  const pad = (hi - lo) * 0.12;
  lo -= pad;
  hi += pad;
  const left = 4;
  const right = width - 4;
  const top = 4;
  const bottom = height - 4;
  const x = spread(values.length, left, right);
  const y = (v: number) => bottom - ((bottom - top) * (v - lo)) / (hi - lo);
  const refLines = refs
    .map(
      (r) =>
        `<line x1="${left}" x2="${right}" y1="${n2(y(r.value))}" y2="${n2(y(r.value))}" stroke="${r.dashed ? '#777' : '#14532d'}" stroke-width="0.9"${
          r.dashed ? ' stroke-dasharray="3 2"' : ''
        }><title>${esc(r.label)}</title></line>`,
    )
    .join('');
  const path = pathThrough(values, x, y);
  const dots = values
    .map((v, i) => (v === null ? '' : `<circle cx="${n2(x(i))}" cy="${n2(y(v))}" r="1.9" fill="#161616"/>`))
    .join('');
  return `<svg class="spark" role="img" aria-label="${esc(options.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(
    options.title,
  )}</title>${refLines}<path d="${path}" fill="none" stroke="#161616" stroke-width="1.4"/>${dots}</svg>`;
}

export interface BarGroup {
  label: string;
  /** Bars drawn up (positive) or down (negative) from zero. */
  bars: { value: number; label: string; className: 'good' | 'bad' | 'neutral' }[];
}

const FILL: Record<'good' | 'bad' | 'neutral', string> = {
  good: '#2e7d4a',
  bad: '#b3261e',
  neutral: '#6b6b6b',
};

/** Grouped bars around a zero line, one group per period, each bar labelled with its value. */
export function barChart(
  groups: readonly BarGroup[],
  options: { width?: number; height?: number; format: (x: number) => string; title: string },
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 190;
  const values = groups.flatMap((g) => g.bars.map((b) => b.value));
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const span = hi - lo || 1;
  const top = 30;
  const bottom = height - 36;
  const left = 8;
  const right = width - 8;
  const y = (v: number) => top + ((bottom - top) * (hi - v)) / span;
  const groupWidth = (right - left) / Math.max(1, groups.length);
  const barCount = Math.max(1, ...groups.map((g) => g.bars.length));
  const barWidth = Math.min(46, (groupWidth * 0.7) / barCount);
  const parts: string[] = [];
  groups.forEach((g, gi) => {
    const start = left + gi * groupWidth + (groupWidth - barWidth * g.bars.length) / 2;
    g.bars.forEach((b, bi) => {
      if (b.value === 0) return;
      const x0 = start + bi * barWidth;
      const y0 = Math.min(y(0), y(b.value));
      const h = Math.max(0.6, Math.abs(y(b.value) - y(0)));
      const labelY = b.value >= 0 ? y0 - 3 : y0 + h + 9;
      parts.push(
        `<rect x="${n2(x0 + 1)}" y="${n2(y0)}" width="${n2(barWidth - 2)}" height="${n2(h)}" fill="${FILL[b.className]}"><title>${esc(
          `${g.label} ${b.label}: ${options.format(b.value)}`,
        )}</title></rect>`,
        `<text x="${n2(x0 + barWidth / 2)}" y="${n2(labelY)}" font-size="8" text-anchor="middle" fill="#161616">${esc(
          options.format(b.value),
        )}</text>`,
      );
    });
    parts.push(
      `<text x="${n2(left + gi * groupWidth + groupWidth / 2)}" y="${height - 6}" font-size="9" text-anchor="middle" fill="#161616">${esc(g.label)}</text>`,
    );
  });
  const legend = (groups[0]?.bars ?? [])
    .map(
      (b, i) =>
        `<rect x="${left + i * 110}" y="4" width="10" height="10" fill="${FILL[b.className]}"/><text x="${left + i * 110 + 14}" y="13" font-size="9" fill="#161616">${esc(
          b.label,
        )}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="${esc(options.title)}" width="100%" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(
    options.title,
  )}</title>${legend}<line x1="${left}" x2="${right}" y1="${n2(y(0))}" y2="${n2(y(0))}" stroke="#161616" stroke-width="1"/>${parts.join('')}</svg>`;
}

export interface Series {
  label: string;
  values: readonly (number | null)[];
  colour: string;
  dashed?: boolean;
}

/** Two or more series over the same periods, with labelled points and a legend. */
export function lineChart(
  labels: readonly string[],
  series: readonly Series[],
  options: { width?: number; height?: number; format: (x: number) => string; title: string },
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 200;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0) return '<p class="muted">no data</p>';
  const hi = Math.max(...all) * 1.12;
  const lo = Math.min(0, Math.min(...all));
  const top = 26;
  const bottom = height - 24;
  const left = 36;
  const right = width - 36;
  const x = spread(labels.length, left, right);
  const y = (v: number) => bottom - ((bottom - top) * (v - lo)) / (hi - lo || 1);
  const parts: string[] = [
    `<line x1="${left}" x2="${right}" y1="${n2(y(lo))}" y2="${n2(y(lo))}" stroke="#161616" stroke-width="0.8"/>`,
  ];
  labels.forEach((label, i) => {
    parts.push(
      `<text x="${n2(x(i))}" y="${height - 8}" font-size="9" text-anchor="middle" fill="#161616">${esc(label)}</text>`,
    );
  });
  series.forEach((s, si) => {
    parts.push(
      `<path d="${pathThrough(s.values, x, y)}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ''}/>`,
    );
    s.values.forEach((v, i) => {
      if (v === null) return;
      parts.push(
        `<circle cx="${n2(x(i))}" cy="${n2(y(v))}" r="2.6" fill="${s.colour}"/>`,
        `<text x="${n2(x(i))}" y="${n2(y(v) + (si % 2 === 0 ? -6 : 13))}" font-size="8.5" text-anchor="middle" fill="${s.colour}">${esc(
          options.format(v),
        )}</text>`,
      );
    });
    const lx = left + si * 170;
    parts.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="10" y2="10" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ''}/>`,
      `<text x="${lx + 27}" y="13" font-size="9" fill="#161616">${esc(s.label)}</text>`,
    );
  });
  return `<svg role="img" aria-label="${esc(options.title)}" width="100%" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(
    options.title,
  )}</title>${parts.join('')}</svg>`;
}

/** A horizontal interval bar on a shared axis (RFP totals): point, interval, axis bounds. */
export function intervalBar(
  point: number,
  low: number | null,
  high: number | null,
  axis: { min: number; max: number },
  options: { width?: number; title: string },
): string {
  const width = options.width ?? 180;
  const height = 16;
  const clamp = (v: number) => Math.max(axis.min, Math.min(axis.max, v));
  const x = (v: number) => 4 + ((width - 8) * (clamp(v) - axis.min)) / (axis.max - axis.min || 1);
  const whisker =
    low !== null && high !== null
      ? `<line x1="${n2(x(low))}" x2="${n2(x(high))}" y1="8" y2="8" stroke="#555" stroke-width="1.4"/><line x1="${n2(
          x(low),
        )}" x2="${n2(x(low))}" y1="4" y2="12" stroke="#555"/><line x1="${n2(x(high))}" x2="${n2(x(high))}" y1="4" y2="12" stroke="#555"/>`
      : '';
  return `<svg role="img" aria-label="${esc(options.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(
    options.title,
  )}</title><line x1="4" x2="${width - 4}" y1="8" y2="8" stroke="#ddd" stroke-width="5"/>${whisker}<circle cx="${n2(x(point))}" cy="8" r="3.4" fill="#161616"/></svg>`;
}
