import { CELL_NAMES } from '../core/experiment/index.js';
import { textTable } from '../core/text-table.js';
import type { ExperimentEstimate } from './estimate-experiment.js';

const num = (v: number | null, digits = 4) => (v === null ? '-' : v.toFixed(digits));

/** The estimate as text: the effect with its interval and p, then the four cells with value and n. */
export function experimentText(title: string, e: ExperimentEstimate): string {
  const head = [
    `${title}: ${e.metric}, difference in differences`,
    `pre ${e.windows.pre.from}..${e.windows.pre.to}, post ${e.windows.post.from}..${e.windows.post.to}`,
    `effect ${num(e.effect)}  95% interval ${num(e.low)} to ${num(e.high)}  p ${num(e.p)}${
      e.insufficient ? `  INSUFFICIENT (a cell under ${e.minSample})` : ''
    }`,
    '',
  ];
  const rows = CELL_NAMES.map((name) => {
    const c = e.cells[name];
    return [name, num(c.value), String(c.n), num(c.variance === null ? null : Math.sqrt(c.variance), 5)];
  });
  return `${[...head, textTable(['cell', 'value', 'n', 'std error'], rows)].join('\n')}\n`;
}
