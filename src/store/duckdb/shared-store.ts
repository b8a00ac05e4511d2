import { statSync } from 'node:fs';
import { duckdbDialect } from '../../core/sql/duckdb-dialect.js';
import type { Sql } from '../../core/sql/fragment.js';
import type { Executor, ImportSession, Row, SessionScope, Store } from '../store.js';
import { DuckDbStore } from './duckdb-store.js';
import { type LockWait, wantedByOther } from './file-lock.js';

export interface SharingOptions {
  /** Close the file after this long with nothing in flight (ms). */
  idleMs: number;
  /** Longest a call waits for the file while another process holds it (ms); then StoreBusy. */
  waitMs: number;
  /** How often to look for a process asking for the file, or a change made by one (ms). */
  pollMs?: number;
}

/** What the file looked like when this process last let go of it: any other stamp is another writer. */
function stampOf(path: string): string {
  const part = (file: string) => {
    try {
      const s = statSync(file, { bigint: true });
      return `${s.mtimeNs}:${s.size}`;
    } catch {
      return '-';
    }
  };
  return `${part(path)}|${part(`${path}.wal`)}`;
}

/** Polls between looks for another writer's change (2 s at the default poll). */
const CHANGE_EVERY = 20;

/**
 * A DuckDB file shared with other processes (the CLI beside `covenant serve`): open while
 * calls are in flight, closed `idleMs` after the last one ends, or at once when another
 * process asks for it (file-lock.ts), and reopened by the next call. When it was changed
 * while closed (the file's size or time moved), listeners hear so before the call goes on:
 * the server bumps its data version and open dashboards refetch. The schema is migrated
 * on the first open only.
 */
export class SharedDuckDbStore implements Store {
  readonly dialect = duckdbDialect;
  private inner: DuckDbStore | null = null;
  private opening: Promise<DuckDbStore> | null = null;
  private closing: Promise<void> | null = null;
  private inFlight = 0;
  private idle: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private ticks = 0;
  private seen = '';
  private shut = false;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly location: string,
    private readonly options: SharingOptions,
  ) {
    this.poll = setInterval(() => this.tick(), options.pollMs ?? 100);
    this.poll.unref();
  }

  static async open(path: string, options: SharingOptions): Promise<SharedDuckDbStore> {
    const store = new SharedDuckDbStore(path, options);
    try {
      store.inner = await DuckDbStore.open(path, { wait: store.wait(options.waitMs) });
    } catch (error) {
      clearInterval(store.poll);
      throw error;
    }
    store.release();
    return store;
  }

  /** Whether this process has the file open (or is opening or closing it). */
  get held(): boolean {
    return this.inner !== null || this.opening !== null || this.closing !== null;
  }

  onExternalChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  query<T = Row>(statement: Sql): Promise<T[]> {
    return this.using((store) => store.query<T>(statement));
  }

  run(statement: Sql): Promise<void> {
    return this.using((store) => store.run(statement));
  }

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.using((store) => store.transaction(fn));
  }

  importSession<T>(fn: (session: ImportSession) => Promise<T>): Promise<T> {
    return this.using((store) => store.importSession(fn));
  }

  /** The whole session holds the file: a request's statements see one store, not a reopened one. */
  withSession<T>(scope: SessionScope, fn: (session: Store) => Promise<T>): Promise<T> {
    return this.using((store) => store.withSession(scope, fn));
  }

  async close(): Promise<void> {
    this.shut = true;
    clearInterval(this.poll);
    clearTimeout(this.idle);
    await this.opening?.catch(() => undefined);
    await this.closing;
    const inner = this.inner;
    this.inner = null;
    await inner?.close();
  }

  private wait(waitMs: number): LockWait {
    return { waitMs, yieldToOthers: true };
  }

  private async using<T>(fn: (store: DuckDbStore) => Promise<T>): Promise<T> {
    const store = await this.acquire(this.options.waitMs);
    try {
      return await fn(store);
    } finally {
      this.release();
    }
  }

  private async acquire(waitMs: number): Promise<DuckDbStore> {
    if (this.shut) throw new Error(`the store ${this.location} is closed`);
    this.inFlight += 1;
    clearTimeout(this.idle);
    const deadline = Date.now() + waitMs;
    try {
      while (!this.inner) {
        if (this.closing) await this.closing;
        else if (this.opening)
          // Another caller's open (the poll's waits not at all): its failure ends this wait only at its deadline.
          await this.opening.catch((error: unknown) => {
            if (Date.now() >= deadline) throw error;
          });
        else {
          this.opening = this.reopen(Math.max(0, deadline - Date.now())).finally(() => {
            this.opening = null;
          });
          await this.opening;
        }
      }
      return this.inner;
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0 || !this.inner || this.shut) return;
    if (wantedByOther(this.location) !== null) this.letGo();
    else {
      this.idle = setTimeout(() => this.letGo(), this.options.idleMs);
      this.idle.unref();
    }
  }

  /** Reopens without migrating (done by the first open), then tells listeners of another writer's change. */
  private async reopen(waitMs: number): Promise<DuckDbStore> {
    const store = await DuckDbStore.open(this.location, { wait: this.wait(waitMs), migrate: false });
    this.inner = store;
    if (stampOf(this.location) !== this.seen)
      for (const listener of this.listeners) {
        try {
          listener();
        } catch {
          // A listener's failure is its own; the call that reopened goes on.
        }
      }
    return store;
  }

  private letGo(): void {
    const inner = this.inner;
    if (this.inFlight > 0 || !inner || this.closing) return;
    this.inner = null;
    this.closing = inner
      .close()
      .then(() => {
        this.seen = stampOf(this.location);
      })
      .finally(() => {
        this.closing = null;
      });
  }

  /** Lets go when another process asks; while closed, looks now and then for another writer's change. */
  private tick(): void {
    if (this.shut) return;
    if (this.inner && this.inFlight === 0) {
      if (wantedByOther(this.location) !== null) this.letGo();
      return;
    }
    this.ticks = (this.ticks + 1) % CHANGE_EVERY;
    if (this.ticks !== 0 || this.inner || this.opening || this.closing || this.listeners.size === 0) return;
    if (stampOf(this.location) === this.seen || wantedByOther(this.location) !== null) return;
    // Changed while closed: open once, without waiting (the writer may still be at it), to tell.
    // Any failure (still held, or gone) is the next call's to report.
    this.acquire(0).then(
      () => this.release(),
      () => undefined,
    );
  }
}
