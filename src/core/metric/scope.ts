import type { Period } from '../time/period.js';

/** What a query measures over: who, when, which slice, and how it is cut. */

export const DIMENSIONS = ['vendor', 'workflow', 'site', 'channel', 'language', 'path', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Grain = 'day' | 'week' | 'month';

export const isDimension = (name: string): name is Dimension =>
  (DIMENSIONS as readonly string[]).includes(name);

/** A period with the UTC instants of the local midnights that bound it: [start, end). */
export interface PeriodWindow extends Period {
  start: string;
  end: string;
}

export interface Scope {
  tenant: string;
  period: PeriodWindow;
  zone: string;
  /** Each dimension's allowed values (an empty list matches nothing). */
  filters: Partial<Record<Dimension, readonly string[]>>;
  by: readonly Dimension[];
  grain?: Grain;
  /** The instant the data is read as of: maturity and deadlines are judged against it. */
  asOf: string;
}

/** The column of interactions each dimension reads. */
export const CONTACT_COLUMN: Record<Dimension, string> = {
  vendor: 'vendor',
  workflow: 'workflow',
  site: 'site',
  channel: 'channel',
  language: 'language',
  path: 'path',
  agent: 'agent_id',
};

export class MetricScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricScopeError';
  }
}
