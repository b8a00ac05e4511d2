import type { Dialect } from '../core/sql/dialect.js';
import type { Sql } from '../core/sql/fragment.js';

/**
 * Values as every store returns them, whatever the engine: numbers for integers and
 * floats, exact decimals (money) as strings, timestamps as ISO-8601 UTC strings,
 * dates as YYYY-MM-DD, booleans, null.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;

export interface Executor {
  query<T = Row>(statement: Sql): Promise<T[]>;
  run(statement: Sql): Promise<void>;
}

/**
 * The one seam between Covenant and a database. Callers build SQL with the store's
 * dialect and never know which driver runs it; drivers only execute.
 */
export interface Store extends Executor {
  readonly dialect: Dialect;
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /** Runs fn on one connection inside BEGIN/COMMIT; any throw rolls everything back. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * An import: files are parsed and validated by DuckDB in `engine` (always DuckDB, the
   * engine that reads CSV, NDJSON and Parquet) into temporary tables, then `write` loads
   * them into the store inside one transaction: it commits whole or not at all.
   */
  importSession<T>(fn: (session: ImportSession) => Promise<T>): Promise<T>;
  /**
   * Runs fn in one transaction scoped to an organisation: the client organisation (the
   * tenant) and, in a vendor's session, the vendor. On PostgreSQL, row-level security then
   * limits every statement of `session` to the tenant's rows and the vendor's, whatever
   * SQL runs, so a bug above cannot show one vendor another's rows. DuckDB has no
   * row-level security: there `session` is the store itself and scopes nothing (the
   * server's scoping function adds the filters, in one place).
   */
  withSession<T>(scope: SessionScope, fn: (session: Store) => Promise<T>): Promise<T>;
  /**
   * Calls listener when the store finds that another process changed its data (a DuckDB
   * file shared with the CLI, docs/sharing-the-store.md); returns the unsubscribe. Stores
   * that cannot tell leave it out.
   */
  onExternalChange?(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Who a session acts for: the client organisation (tenant) and, for a vendor's user, the vendor. */
export interface SessionScope {
  tenant: string;
  vendor?: string;
}

export interface ImportSession {
  engine: Executor;
  /** The store's dialect: the SQL `write` runs is rendered for the store, not the engine. */
  dialect: Dialect;
  /** Share (0..100) of the engine's running statement done, for progress bars; -1 unknown. */
  progress(): number;
  /**
   * Runs fn in a store transaction. `tables` are temporary tables staged in `engine`; fn
   * receives the name under which each is readable in the transaction.
   */
  write<T>(tables: string[], fn: (target: Executor, names: Record<string, string>) => Promise<T>): Promise<T>;
}

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The store is held by another process longer than the caller would wait: try again later. */
export class StoreBusy extends StoreError {
  constructor(
    message: string,
    readonly holder: number | null,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'StoreBusy';
  }
}
