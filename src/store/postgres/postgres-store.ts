import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { Sql } from '../../core/sql/fragment.js';
import { citusDialect, type PostgresDialect, postgresDialect } from '../../core/sql/postgres-dialect.js';
import { DuckDbExecutor } from '../duckdb/duckdb-store.js';
import { ALL_MIGRATIONS, migrate } from '../migrations/migrate.js';
import { inSessionScope } from '../session-context.js';
import type { Executor, ImportSession, Row, SessionScope, Store } from '../store.js';
import { StoreError } from '../store.js';
import { distributeSchema } from './distribution.js';
import { analyzeChanged, failure, inTransaction, PgExecutor, release } from './pg-executor.js';
import { PostgresSession } from './postgres-session.js';
import { setSessionSettings } from './session-settings.js';
import { copyStagedTable } from './stage-copy.js';
import { typeParsers } from './values.js';

/** Serialises migrations of concurrent processes (pg_advisory_lock key). */
const MIGRATION_LOCK = 7_305_512_026;

/** `postgres://user:secret@host/db` -> `postgres://user@host/db`: safe to print. */
export function safeLocation(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, '@');
  }
}

export interface PostgresOptions {
  /** Bring the schema up to date on open (default true; the application role cannot). */
  migrate?: boolean;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

/**
 * The PostgreSQL store: a pool of connections in UTC, values parsed to the store-wide
 * conventions. Imports are parsed and validated by an in-memory DuckDB engine exactly as
 * for the DuckDB store; `write` copies the staged tables into temporary tables of the
 * PostgreSQL transaction (COPY) and runs the same load SQL there.
 */
export class PostgresStore implements Store {
  /** PostgreSQL's, or Citus's where the database has the extension (found on open). */
  dialect: PostgresDialect = postgresDialect;
  private readonly main: PgExecutor;
  private engine: Promise<DuckDBInstance> | undefined;
  private scratch: string | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    this.main = new PgExecutor(pool);
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    if (options.migrate !== false && (options.maxConnections ?? 10) < 2) {
      throw new StoreError('migrating needs two connections (one holds the lock): maxConnections >= 2');
    }
    const pool = new pg.Pool({
      connectionString: url,
      types: typeParsers,
      max: options.maxConnections ?? 10,
      // Instants are returned in UTC, as DuckDB's are: set at connection start, before any query.
      // No JIT: on the planner's guesses (a thousand rows per generate_series call) it compiled
      // the adherence statement for 1.15 s to run it for 0.27 s. Sessions set it on Citus's
      // workers too (session-settings.ts).
      options: '-c TimeZone=UTC -c DateStyle=ISO,YMD -c jit=off',
    });
    // Idle connections dropped by the server: the next query reports the failure.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, safeLocation(url));
    try {
      const { rows } = await pool.query(
        "SELECT count(*) > 0 AS citus FROM pg_extension WHERE extname = 'citus'",
      );
      if (rows[0]?.citus) store.dialect = citusDialect;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreError(`cannot connect to PostgreSQL at ${store.location}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (options.migrate !== false) {
      try {
        await store.migrateLocked();
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    return store;
  }

  /**
   * Migrations of concurrent processes wait for each other (one advisory lock). A schema
   * already up to date is left alone, so the application's role (which may not create
   * tables) opens it too.
   */
  private async migrateLocked(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ exists: boolean }>(
        "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
      );
      if (rows[0]?.exists) {
        const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
        const versions = new Set(applied.rows.map((r) => r.version));
        if (ALL_MIGRATIONS.every((m) => versions.has(m.version))) {
          // On Citus, tables a crashed run left undistributed are distributed (reads only, otherwise).
          await distributeSchema(this);
          return;
        }
      }
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(this);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  query<T = Row>(statement: Sql): Promise<T[]> {
    return this.main.query<T>(statement);
  }

  run(statement: Sql): Promise<void> {
    return this.main.run(statement);
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await inTransaction(client, () => fn(new PgExecutor(client)));
    } finally {
      release(client);
    }
  }

  async importSession<T>(fn: (session: ImportSession) => Promise<T>): Promise<T> {
    return this.stagedImport(fn, async (write) => {
      const client = await this.connect();
      try {
        return await inTransaction(client, () => write(client));
      } finally {
        release(client);
      }
    });
  }

  /**
   * An import whose engine is a fresh connection to the in-memory DuckDB; `inStore` opens
   * the store transaction (a new one, or a savepoint of a session's) that `write` fills.
   */
  async stagedImport<T>(
    fn: (session: ImportSession) => Promise<T>,
    inStore: <W>(write: (client: pg.PoolClient) => Promise<W>) => Promise<W>,
  ): Promise<T> {
    const instance = await this.engineInstance();
    const connection = await instance.connect();
    const engine = new DuckDbExecutor(connection);
    const dir = this.scratchDir();
    try {
      return await fn({
        engine,
        dialect: this.dialect,
        progress: () => connection.progress.percentage,
        write: (tables, write) =>
          inStore(async (client) => {
            const names = Object.fromEntries(tables.map((t) => [t, `covenant_staged_${t}`]));
            for (const table of tables)
              await copyStagedTable(engine, client, table, names[table] as string, dir);
            const result = await write(new PgExecutor(client), names);
            for (const name of Object.values(names)) await client.query(`DROP TABLE IF EXISTS ${name}`);
            await analyzeChanged(client);
            return result;
          }),
      });
    } finally {
      connection.closeSync();
    }
  }

  /**
   * One transaction with the session settings row-level security reads, set with
   * set_config(..., true) from bound values so they end with the transaction: every
   * statement of `session` sees only the tenant's rows, and only the vendor's in a
   * vendor's session, whoever connects (FORCE covers the tables' owner too).
   */
  async withSession<T>(scope: SessionScope, fn: (session: Store) => Promise<T>): Promise<T> {
    if (!scope.tenant) throw new StoreError('a session needs a tenant');
    const client = await this.connect();
    try {
      return await inTransaction(client, async () => {
        await setSessionSettings(client, scope, this.dialect === citusDialect);
        return inSessionScope(scope, () => fn(new PostgresSession(this, client)));
      });
    } finally {
      release(client);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    if (this.engine) (await this.engine.catch(() => undefined))?.closeSync();
    this.engine = undefined;
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    this.scratch = undefined;
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw failure(error);
    }
  }

  private engineInstance(): Promise<DuckDBInstance> {
    this.engine ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:', { temp_directory: this.scratchDir() });
      const connection = await instance.connect();
      await connection.run("SET GLOBAL TimeZone = 'UTC'");
      connection.closeSync();
      return instance;
    })();
    return this.engine;
  }

  private scratchDir(): string {
    this.scratch ??= mkdtempSync(join(tmpdir(), 'covenant-pg-stage-'));
    return this.scratch;
  }
}
