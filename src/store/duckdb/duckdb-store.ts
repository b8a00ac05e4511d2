import { type DuckDBConnection, type DuckDBInstance, type DuckDBValue, listValue } from '@duckdb/node-api';
import { duckdbDialect } from '../../core/sql/duckdb-dialect.js';
import type { Sql, SqlValue } from '../../core/sql/fragment.js';
import { migrate } from '../migrations/migrate.js';
import { inSessionScope } from '../session-context.js';
import type { Executor, ImportSession, Row, SessionScope, Store } from '../store.js';
import { StoreError } from '../store.js';
import { type LockWait, openInstance } from './file-lock.js';
import { normaliseRows } from './values.js';

const toDuckDb = (params: SqlValue[]): DuckDBValue[] =>
  params.map((value) => (Array.isArray(value) ? listValue(value as string[]) : (value as DuckDBValue)));

/** Executes SQL on one DuckDB connection; knows nothing of what the SQL means. */
export class DuckDbExecutor implements Executor {
  constructor(readonly connection: DuckDBConnection) {}

  async query<T = Row>(statement: Sql): Promise<T[]> {
    const { text, params } = duckdbDialect.render(statement);
    try {
      const reader = await this.connection.runAndReadAll(text, toDuckDb(params));
      const types = reader.columnTypes().map((type) => type.toString());
      return normaliseRows(reader.getRowObjectsJson() as never, types, reader.columnNames()) as T[];
    } catch (error) {
      throw new StoreError(`DuckDB: ${(error as Error).message}`, { cause: error });
    }
  }

  async run(statement: Sql): Promise<void> {
    const { text, params } = duckdbDialect.render(statement);
    try {
      await this.connection.run(text, toDuckDb(params));
    } catch (error) {
      throw new StoreError(`DuckDB: ${(error as Error).message}`, { cause: error });
    }
  }
}

async function inTransaction<T>(executor: DuckDbExecutor, fn: () => Promise<T>): Promise<T> {
  await executor.connection.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await executor.connection.run('COMMIT');
    return result;
  } catch (error) {
    await executor.connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `fn` with this connection's inserts free to write in parallel. The batch's insert
 * joins each row to its contact gaps, and a join keeps DuckDB from writing rows in input
 * order on several threads at once: in order it writes on one. Every reader orders what
 * it needs (the staged rows are numbered before this); each thread still writes whole
 * runs of input rows, so the table stays nearly in time order (its zone maps still prune).
 */
async function unordered<T>(executor: DuckDbExecutor, fn: () => Promise<T>): Promise<T> {
  await executor.connection.run('SET SESSION preserve_insertion_order = false');
  try {
    return await fn();
  } finally {
    await executor.connection.run('RESET SESSION preserve_insertion_order');
  }
}

export class DuckDbStore implements Store {
  readonly dialect = duckdbDialect;
  private readonly main: DuckDbExecutor;

  private constructor(
    private readonly instance: DuckDBInstance,
    connection: DuckDBConnection,
    readonly location: string,
  ) {
    this.main = new DuckDbExecutor(connection);
  }

  /**
   * Opens (creating if needed) the database file and brings its schema up to date. `wait`:
   * how long to wait while another process holds the file (file-lock.ts); by default none.
   * `migrate: false` skips the schema check (a reopen by the process that migrated it).
   */
  static async open(
    path: string,
    options: { wait?: LockWait; migrate?: boolean } = {},
  ): Promise<DuckDbStore> {
    const instance = await openInstance(path, options.wait ?? { waitMs: 0 });
    const connection = await instance.connect();
    // Instants are stored and returned in UTC; local zones are applied to boundaries only.
    await connection.run("SET GLOBAL TimeZone = 'UTC'");
    const store = new DuckDbStore(instance, connection, path);
    if (options.migrate !== false) await migrate(store);
    return store;
  }

  query<T = Row>(statement: Sql): Promise<T[]> {
    return this.main.query<T>(statement);
  }

  run(statement: Sql): Promise<void> {
    return this.main.run(statement);
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    // A connection of its own, so statements of other callers never join the transaction.
    const connection = await this.instance.connect();
    const tx = new DuckDbExecutor(connection);
    try {
      return await inTransaction(tx, () => fn(tx));
    } finally {
      connection.closeSync();
    }
  }

  /**
   * DuckDB stages on the import's own connection outside any transaction (temporary tables
   * live in memory, never in the file), then writes in one transaction on that connection,
   * so staged tables are read in place.
   */
  async importSession<T>(fn: (session: ImportSession) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    const executor = new DuckDbExecutor(connection);
    try {
      return await fn({
        engine: executor,
        dialect: duckdbDialect,
        progress: () => connection.progress.percentage,
        write: (tables, write) =>
          unordered(executor, () =>
            inTransaction(executor, () => write(executor, Object.fromEntries(tables.map((t) => [t, t])))),
          ),
      });
    } finally {
      connection.closeSync();
    }
  }

  /** DuckDB has no row-level security: the session is the store, scoped by the queries alone. */
  withSession<T>(scope: SessionScope, fn: (session: Store) => Promise<T>): Promise<T> {
    // Still, who the session is for is known below it (store/session-context.ts).
    return inSessionScope(scope, () => fn(this));
  }

  async close(): Promise<void> {
    this.main.connection.closeSync();
    this.instance.closeSync();
  }
}
