import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { raw, sql } from '../../core/sql/fragment.js';
import { tempDir } from '../../test-support/fixtures.js';
import { DuckDbStore } from './duckdb-store.js';
import { lockHolder, wantedByOther, wantedFile } from './file-lock.js';
import { SharedDuckDbStore } from './shared-store.js';

const dir = tempDir();
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Until the store has let go of the file (its idle time after the last call). */
async function released(store: SharedDuckDbStore) {
  for (let i = 0; i < 200 && store.held; i++) await pause(10);
  expect(store.held).toBe(false);
}
const opened: SharedDuckDbStore[] = [];

async function shared(name: string, idleMs = 50) {
  const store = await SharedDuckDbStore.open(join(dir, name), { idleMs, waitMs: 1000, pollMs: 20 });
  opened.push(store);
  return store;
}

/** Another writer, as the CLI would be (in one process DuckDB does not lock: the turn-taking is ours). */
async function writeElsewhere(path: string, statement: ReturnType<typeof sql>) {
  const other = await DuckDbStore.open(path, { migrate: false });
  await other.run(statement);
  await other.close();
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describe('a DuckDB file shared with other processes', () => {
  it('tells listeners when another writer changed the file while it was closed, not when it only read', async () => {
    const store = await shared('change.duckdb');
    await store.run(raw('CREATE TABLE notes (n INTEGER)'));
    let changes = 0;
    store.onExternalChange(() => {
      changes += 1;
    });
    await released(store);
    // A reader (covenant status) leaves the file as it was.
    const reader = await DuckDbStore.open(store.location, { migrate: false });
    await reader.query(raw('SELECT count(*) FROM notes'));
    await reader.close();
    expect(await store.query(raw('SELECT count(*) AS n FROM notes'))).toEqual([{ n: 0 }]);
    expect(changes).toBe(0);
    // Its own writes are its own: the server bumps for those where it makes them.
    await store.run(sql`INSERT INTO notes VALUES (${1})`);
    await released(store);
    expect(await store.query(raw('SELECT count(*) AS n FROM notes'))).toEqual([{ n: 1 }]);
    expect(changes).toBe(0);
    await released(store);
    await writeElsewhere(store.location, sql`INSERT INTO notes VALUES (${2})`);
    // The next call sees the new row, and listeners heard before it ran.
    expect(await store.query(raw('SELECT count(*) AS n FROM notes'))).toEqual([{ n: 2 }]);
    expect(changes).toBe(1);
  });

  it('notices a change with no call at all (open dashboards refetch)', async () => {
    const store = await shared('watch.duckdb');
    await store.run(raw('CREATE TABLE notes (n INTEGER)'));
    let changes = 0;
    store.onExternalChange(() => {
      changes += 1;
    });
    await released(store);
    await writeElsewhere(store.location, sql`INSERT INTO notes VALUES (${1})`);
    // The poll looks every 20 ticks (20 ms here).
    for (let i = 0; i < 200 && changes === 0; i++) await pause(20);
    expect(changes).toBe(1);
  });

  it('keeps the file through a session, so the session never sees a reopened store', async () => {
    const store = await shared('session.duckdb', 10);
    await store.withSession({ tenant: 't' }, async (session) => {
      await session.run(raw('CREATE TABLE notes (n INTEGER)'));
      await pause(100);
      expect(store.held).toBe(true);
      await session.run(sql`INSERT INTO notes VALUES (${1})`);
    });
    expect(await store.query(raw('SELECT count(*) AS n FROM notes'))).toEqual([{ n: 1 }]);
  });

  it('reads the pid out of DuckDB’s lock error, and ignores a waiter that is gone', () => {
    expect(
      lockHolder(
        'IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in /usr/bin/node (PID 30355).',
      ),
    ).toBe(30355);
    expect(lockHolder('IO Error: something else')).toBeNull();
    const path = join(dir, 'waiters.duckdb');
    expect(wantedByOther(path)).toBeNull();
    writeFileSync(wantedFile(path), String(process.pid));
    expect(wantedByOther(path)).toBeNull();
    // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
    writeFileSync(wantedFile(path), String(2 ** 22 + 1));
    expect(wantedByOther(path)).toBeNull();
    writeFileSync(wantedFile(path), String(process.ppid));
    expect(wantedByOther(path)).toBe(process.ppid);
    // Left over by a waiter killed mid-wait: old, so ignored even though the pid is alive.
    const old = new Date(Date.now() - 60_000);
    utimesSync(wantedFile(path), old, old);
    expect(wantedByOther(path)).toBeNull();
  });
});
