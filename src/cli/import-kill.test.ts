import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { raw, sql } from '../core/sql/fragment.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { cliEntry } from '../test-support/cli-entry.js';
import { INTERACTION_HEADER, interaction, REPO_ROOT, tempDir, writeText } from '../test-support/fixtures.js';

const dir = tempDir();
const db = join(dir, 'kill.duckdb');
const big = join(dir, 'big.csv');

/** The real CLI in a child process, so a kill -9 strikes a real import. */
function startImport(file: string) {
  return spawn(process.execPath, [...cliEntry(), 'import', 'interactions', file, '--db', db, '--verbose'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function snapshot() {
  const store = await DuckDbStore.open(db);
  try {
    return {
      interactions: await store.query(raw('SELECT count(*) AS n, sum(csat) AS csat FROM interactions')),
      batches: await store.query(raw('SELECT batch_id, rows_accepted FROM import_batches ORDER BY 1')),
      rejects: await store.query(raw('SELECT count(*) AS n FROM import_rejects')),
    };
  } finally {
    await store.close();
  }
}

describe('a process killed during an import', () => {
  it('leaves the store exactly as it was, and usable', async () => {
    const seed = await DuckDbStore.open(db);
    await seed.run(sql`COPY (SELECT 'k' || i AS interaction_id, '2026-01-01T00:00:00Z' AS started_at, '' AS closed_at,
        'chat' AS channel, 'card_dispute' AS workflow, 'brightpath' AS vendor, 'lisbon' AS site, 'en' AS language,
        'a1' AS agent_id, 'c' || (i % 1000) AS customer_id, 'human' AS path, 5 AS queue_seconds, 200 AS handle_seconds,
        false AS abandoned, true AS resolved, 1 + i % 5 AS csat, false AS error, 'none' AS offer, '0' AS revenue
      FROM range(2000000) t(i)) TO ${big} (HEADER)`);
    await seed.close();
    const small = writeText(
      dir,
      'small.csv',
      [INTERACTION_HEADER, interaction('s1'), interaction('s2')].join('\n'),
    );
    const first = startImport(small);
    expect(await new Promise((done) => first.on('exit', done))).toBe(0);
    const before = await snapshot();

    const child = startImport(big);
    let stderr = '';
    const exit = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    await new Promise<void>((writing) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(' writing ')) writing();
      }),
    );
    // A 2M-row load takes over a second to write: strike in the middle of it.
    await new Promise((pause) => setTimeout(pause, 300));
    child.kill('SIGKILL');
    // Killed inside the write transaction, not after it finished.
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });

    expect(await snapshot()).toEqual(before);
    const again = startImport(small);
    expect(await new Promise((done) => again.on('exit', done))).toBe(0);
    expect((await snapshot()).interactions).toEqual(before.interactions);
    // Three CLI processes and a 2M-row file: minutes on a loaded 2-core machine.
  }, 240_000);
});
