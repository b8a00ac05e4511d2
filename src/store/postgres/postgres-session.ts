import type pg from 'pg';
import type { Sql } from '../../core/sql/fragment.js';
import type { PostgresDialect } from '../../core/sql/postgres-dialect.js';
import type { Executor, ImportSession, Row, SessionScope, Store } from '../store.js';
import { StoreError } from '../store.js';
import { inSavepoint, PgExecutor } from './pg-executor.js';
import type { PostgresStore } from './postgres-store.js';

/**
 * A session's view of the store: every statement on the session's one connection and
 * transaction; a nested transaction (and an import's write) is a savepoint of it.
 */
export class PostgresSession implements Store {
  readonly dialect: PostgresDialect;
  readonly location: string;
  private readonly executor: PgExecutor;

  constructor(
    private readonly store: PostgresStore,
    private readonly client: pg.PoolClient,
  ) {
    this.location = store.location;
    this.dialect = store.dialect;
    this.executor = new PgExecutor(client);
  }

  query<T = Row>(statement: Sql): Promise<T[]> {
    return this.executor.query<T>(statement);
  }

  run(statement: Sql): Promise<void> {
    return this.executor.run(statement);
  }

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return inSavepoint(this.client, () => fn(this.executor));
  }

  importSession<T>(fn: (session: ImportSession) => Promise<T>): Promise<T> {
    return this.store.stagedImport(fn, (write) => inSavepoint(this.client, () => write(this.client)));
  }

  withSession<T>(_scope: SessionScope, _fn: (session: Store) => Promise<T>): Promise<T> {
    return Promise.reject(new StoreError('a session cannot open another session'));
  }

  /** The session ends with its transaction; closing it closes nothing. */
  async close(): Promise<void> {}
}
