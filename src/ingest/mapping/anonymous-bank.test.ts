import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { join, raw, type Sql, sql } from '../../core/sql/fragment.js';
import { compileMapping } from './compile-mapping.js';
import { loadMapping } from './load-mapping.js';
import { memoryDb, rows } from './test-support/duckdb.js';
import type { CompiledMapping } from './types.js';

// Paths relative to the repository: CI clones it with shared/ beside it.
const csv = fileURLToPath(
  new URL('../../../../shared/reference-data/anonymous-bank-1999/august_1999.csv', import.meta.url),
);
const mappingFile = fileURLToPath(new URL('../../../mappings/anonymous-bank-1999.yaml', import.meta.url));

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

describe('mappings/anonymous-bank-1999.yaml over the real August 1999 log', () => {
  let db: DuckDBConnection;
  let compiled: CompiledMapping;
  let header: string[];

  beforeAll(async () => {
    const loaded = await loadMapping(mappingFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues, null, 2));
    header = (readFileSync(csv, 'utf8').split('\n')[0] as string).trim().split(',');
    const result = compileMapping(loaded.value, header, (index) => raw(`"c${index + 1}"`));
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    compiled = result.value;

    db = await memoryDb();
    // As the importer reads it: every column VARCHAR, renamed c1..cN in header order.
    const names = header.map((_, index) => `c${index + 1}`).join(', ');
    await db.run(
      `CREATE VIEW source AS SELECT * FROM read_csv(${quote(csv)}, all_varchar = true, header = true) AS t(${names})`,
    );
    const select: Sql[] = [...compiled.columns].map(
      ([name, expression]) => sql`${expression} AS ${raw(`"${name}"`)}`,
    );
    select.push(sql`${compiled.filter ?? raw('true')} AS keep`);
    const create = sql`CREATE TABLE mapped AS SELECT ${join(select)} FROM source`;
    await rows(db, create);
  });

  const one = async (query: string) => (await rows(db, raw(query)))[0] as Record<string, unknown>;

  it('binds every literal of the mapping as a parameter', () => {
    const text = [...compiled.columns.values(), compiled.filter as Sql].map((part) => part.text).join('\n');
    for (const literal of [
      'PHANTOM',
      'NO_SERVER',
      'AGENT',
      'HANG',
      '0:00:00',
      'voice',
      'in_house',
      '%y%m%d',
      'regular',
    ]) {
      expect(text).not.toContain(literal);
    }
    for (const part of [...compiled.columns.values(), compiled.filter as Sql]) {
      expect(part.text.split('?').length - 1).toBe(part.params.length);
    }
    expect(compiled.filter?.params).toEqual(['PHANTOM']);
    expect(compiled.columns.get('channel')?.params).toEqual(['voice']);
  });

  it('compiles to the interactions dataset with the Asia/Jerusalem zone', () => {
    expect(compiled.dataset).toBe('interactions');
    expect(compiled.zones.get('started_at')).toBe('Asia/Jerusalem');
    expect(compiled.sourceColumns).toEqual([
      'vru+line',
      'call_id',
      'customer_id',
      'type',
      'date',
      'vru_entry',
      'q_start',
      'q_time',
      'outcome',
      'ser_time',
      'server',
    ]);
  });

  it('reads 42,078 rows, filters the 310 PHANTOM rows and keeps 41,768', async () => {
    const counts = await one(
      'SELECT count(*) AS read, count(*) FILTER (WHERE NOT keep) AS filtered, count(*) FILTER (WHERE keep) AS kept FROM mapped',
    );
    expect(counts).toEqual({ read: 42_078, filtered: 310, kept: 41_768 });
  });

  it('splits the calls into 38,711 human (31,402 served + 7,309 abandoned) and 3,057 bot', async () => {
    const counts = await one(`SELECT
        count(*) FILTER (WHERE path = 'human') AS human,
        count(*) FILTER (WHERE path = 'human' AND resolved = 'true') AS served,
        count(*) FILTER (WHERE path = 'human' AND abandoned = 'true') AS abandoned_human,
        count(*) FILTER (WHERE path = 'bot') AS bot,
        count(*) FILTER (WHERE abandoned = 'true') AS abandoned,
        count(*) FILTER (WHERE path IS NULL OR abandoned IS NULL OR resolved IS NULL) AS blank
      FROM mapped WHERE keep`);
    expect(counts).toEqual({
      human: 38_711,
      served: 31_402,
      abandoned_human: 7_309,
      bot: 3_057,
      abandoned: 7_309,
      blank: 0,
    });
  });

  it('has 391 served calls without an agent; the 32 servers of SOURCE.md are 31 agents and NO_SERVER', async () => {
    const counts = await one(`SELECT
        count(*) FILTER (WHERE resolved = 'true' AND agent_id IS NULL) AS no_agent,
        count(DISTINCT agent_id) AS agents
      FROM mapped WHERE keep`);
    expect(counts).toEqual({ no_agent: 391, agents: 31 });
    // SOURCE.md's "32 distinct agents" counts the server values of served rows, NO_SERVER included.
    const servers = await one(`SELECT count(DISTINCT c17) AS servers FROM source WHERE c13 = 'AGENT'`);
    expect(servers).toEqual({ servers: 32 });
  });

  it('gives served calls a mean handle time of 184.40 s and a mean wait of 73.81 s', async () => {
    const means = await one(`SELECT
        round(avg(CAST(handle_seconds AS DOUBLE)), 2) AS handle,
        round(avg(CAST(queue_seconds AS DOUBLE)), 2) AS queue,
        count(*) FILTER (WHERE queue_seconds IS NULL) AS no_queue,
        count(*) FILTER (WHERE queue_seconds = '0') AS answered_at_once
      FROM mapped WHERE keep AND resolved = 'true'`);
    expect(means).toEqual({ handle: 184.4, queue: 73.81, no_queue: 0, answered_at_once: 13_010 });
    const others = await one(`SELECT
        count(*) FILTER (WHERE handle_seconds IS NOT NULL) AS handled,
        count(*) FILTER (WHERE path = 'bot' AND queue_seconds IS NOT NULL) AS bot_queued
      FROM mapped WHERE keep AND resolved = 'false'`);
    expect(others).toEqual({ handled: 0, bot_queued: 0 });
  });

  it('gives every kept call a distinct interaction_id', async () => {
    const ids = await one(
      'SELECT count(DISTINCT interaction_id) AS ids, count(interaction_id) AS present FROM mapped WHERE keep',
    );
    expect(ids).toEqual({ ids: 41_768, present: 41_768 });
  });

  it('builds local started_at text, constants, workflows and blank customers', async () => {
    const first = await one('SELECT * EXCLUDE (keep) FROM mapped LIMIT 1');
    expect(first).toEqual({
      interaction_id: '990801-AA0204-43678-0:10:10',
      started_at: '1999-08-01 00:10:10',
      channel: 'voice',
      workflow: 'regular',
      vendor: 'in_house',
      site: 'anonymous-bank',
      language: null,
      agent_id: null,
      customer_id: null,
      path: 'bot',
      queue_seconds: null,
      handle_seconds: null,
      abandoned: 'false',
      resolved: 'false',
    });
    const checks = await one(`SELECT
        count(*) FILTER (WHERE started_at IS NULL OR NOT regexp_full_match(started_at, '1999-08-\\d\\d \\d\\d:\\d\\d:\\d\\d')) AS bad_started,
        count(DISTINCT workflow) AS workflows,
        count(*) FILTER (WHERE workflow NOT IN ('regular', 'regular_english', 'internet', 'stock_exchange', 'prospect', 'callback')) AS unmapped,
        count(*) FILTER (WHERE language = 'en') AS english,
        count(*) FILTER (WHERE interaction_id LIKE '%-2010-08--%') AS corrupted_call_id
      FROM mapped WHERE keep`);
    expect(checks).toEqual({ bad_started: 0, workflows: 6, unmapped: 0, english: 180, corrupted_call_id: 1 });
  });
});
