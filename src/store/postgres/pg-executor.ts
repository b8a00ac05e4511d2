import type pg from 'pg';
import type { Sql } from '../../core/sql/fragment.js';
import { postgresDialect } from '../../core/sql/postgres-dialect.js';
import type { Executor, Row } from '../store.js';
import { StoreError } from '../store.js';
import { toPostgres } from './values.js';

export type Queryable = pg.Pool | pg.PoolClient;

export function failure(error: unknown): StoreError {
  const e = error as Error & { code?: string; detail?: string };
  const detail = e.detail ? ` (${e.detail})` : '';
  return new StoreError(`PostgreSQL: ${e.message}${detail}`, { cause: error });
}

/**
 * Executes SQL on a pool or one client; knows nothing of what the SQL means. Statements
 * started together run side by side on a pool; on one client (a session, a transaction)
 * they are queued here, one after the other, as a connection runs them.
 */
export class PgExecutor implements Executor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Queryable) {}

  query<T = Row>(statement: Sql): Promise<T[]> {
    if (!('release' in this.db)) return this.execute<T>(statement);
    const next = this.queue.then(() => this.execute<T>(statement));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async execute<T>(statement: Sql): Promise<T[]> {
    const { text, params } = postgresDialect.render(statement);
    try {
      const result = await this.db.query({ text, values: toPostgres(params) });
      // A multi-statement text without parameters answers one result per statement.
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
      return (last?.rows ?? []) as T[];
    } catch (error) {
      throw failure(error);
    }
  }

  async run(statement: Sql): Promise<void> {
    await this.query(statement);
  }
}

/** A connection that failed to roll back is closed, not returned to the pool. */
const broken = new WeakSet<pg.PoolClient>();

export async function inTransaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => broken.add(client));
    throw error;
  }
}

export const release = (client: pg.PoolClient) => client.release(broken.has(client));

let savepoints = 0;

/** A nested transaction on a client already in one: a savepoint, released or rolled back. */
export async function inSavepoint<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  savepoints += 1;
  const name = `covenant_sp_${savepoints}`;
  await client.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
    throw error;
  }
}

/**
 * Fresh statistics for the tables a bulk write changed much (a tenth of their rows, or
 * any table never analysed), inside the write's transaction: the first queries after an
 * import otherwise plan on missing statistics (measured: a first dashboard load of 191 s
 * against 1.3 s once autovacuum had analysed). ANALYZE samples, so it costs well under a
 * second whatever the size; tables the session's role does not own are skipped.
 */
export async function analyzeChanged(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ table: string }>(`
    SELECT s.relname AS table FROM pg_stat_xact_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = current_schema() AND pg_has_role(c.relowner, 'USAGE')
      AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del > 0
      AND (c.reltuples <= 0 OR s.n_tup_ins + s.n_tup_upd + s.n_tup_del >= greatest(100, 0.1 * c.reltuples))`);
  for (const { table } of rows) await client.query(`ANALYZE ${postgresDialect.quoteIdent(table)}`);
}
