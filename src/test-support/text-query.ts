import type { PeriodWindow } from '../core/metric/scope.js';
import { parseWindow, parseWindows } from '../core/time/period-window.js';
import type { QueryOptions } from '../query/run-query.js';

/** A query as tests write it: period and baseline as text, parsed at this edge as the CLI and API parse them. */
export type TextQuery = Omit<QueryOptions, 'periods' | 'baseline'> & {
  period: string;
  baseline?: string | number;
};

export function withWindows(query: TextQuery): QueryOptions {
  const { period, baseline, ...rest } = query;
  return {
    ...rest,
    periods: parseWindows(period, query.zone, 'period'),
    ...(baseline === undefined
      ? {}
      : {
          baseline:
            typeof baseline === 'number' || /^-?\d+(\.\d+)?$/.test(baseline)
              ? Number(baseline)
              : parseWindow(baseline, query.zone, 'baseline'),
        }),
  };
}

/** One period's window (Europe/Lisbon unless said). */
export const windowIn = (text: string, zone = 'Europe/Lisbon'): PeriodWindow =>
  parseWindow(text, zone, 'period');
