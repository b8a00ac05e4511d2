import type { DatasetName } from '../core/dataset/types.js';

export interface RejectRow {
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** What one file's import did; accepted + rejected = read, and replaced is part of accepted. */
export interface ImportSummary {
  file: string;
  dataset: DatasetName;
  format: string;
  batchId: number;
  read: number;
  accepted: number;
  rejected: number;
  replaced: number;
  inserted: number;
  unchanged: number;
  /** Rows a mapping's filter dropped; not part of `read`. */
  filtered: number;
  extraColumns: string[];
  /** The first rejects, for display; all of them are in the rejects table. */
  rejects: RejectRow[];
}

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';
