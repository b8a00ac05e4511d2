/** The column kinds of data-formats.md; each knows its storage type and its validation rule. */
export type ColumnType =
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'timestamp' }
  | { kind: 'date' }
  | { kind: 'money' }
  | { kind: 'timezone' }
  | { kind: 'country' }
  | { kind: 'language' };

export interface ColumnDef {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Filled in by the import when the value is blank (data-formats.md: error false, offer none, revenue 0). */
  default?: string;
}

/** A cross-column rule checked per row, e.g. closed_at not before started_at. */
export interface RowRule {
  code: string;
  /** The column the reject names. */
  column: string;
  /** Holds when `later` is blank or not before `earlier`. */
  notBefore: { later: string; earlier: string; strict?: boolean };
  message: string;
}

export interface DatasetDef {
  name: DatasetName;
  description: string;
  columns: readonly ColumnDef[];
  /** Unique per tenant; the tenant column is added in front in every store. */
  key: readonly string[];
  rules: readonly RowRule[];
  /** Intervals of one agent may not overlap within one file (schedules, agent_states). */
  intervals?: { by: string; start: string; end: string };
  /** The column whose date range `covenant status` reports (reference data has none). */
  timeColumn?: string;
}

export const DATASET_NAMES = [
  'sites',
  'agents',
  'customers',
  'interactions',
  'qa_reviews',
  'schedules',
  'agent_states',
  'coaching_sessions',
  'vacancies',
  'incidents',
  'access_events',
] as const;

export type DatasetName = (typeof DATASET_NAMES)[number];

export const isDatasetName = (name: string): name is DatasetName =>
  (DATASET_NAMES as readonly string[]).includes(name);
