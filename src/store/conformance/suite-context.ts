import type { Store } from '../store.js';

/** What each part of the conformance suite works on. */
export interface SuiteContext {
  /** The store under test. */
  store(): Store;
  /** DuckDB in memory with the same data: the results every store must give. */
  reference(): Store;
  /** A temporary folder for the files imported. */
  dir(): string;
}
