import { describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import {
  INTERACTION_HEADER,
  interaction,
  memoryStore,
  rows,
  tempDir,
  writeText,
} from '../test-support/fixtures.js';
import { importFile } from './import-file.js';

const dir = tempDir();
const opts = { tenant: 'default' };

describe('NDJSON', () => {
  it('imports objects, rejects bad JSON and binary-float money with exact line numbers', async () => {
    const store = await memoryStore();
    const base = {
      started_at: '2026-03-02T09:15:00Z',
      channel: 'email',
      workflow: 'kyc_review',
      vendor: 'v',
      site: 's',
    };
    const line = (o: object) =>
      JSON.stringify({ ...base, path: 'human', abandoned: false, resolved: true, ...o });
    const file = writeText(
      dir,
      'x.ndjson',
      [
        line({ interaction_id: 'n1', revenue: '3.10', csat: 4 }),
        '',
        line({ interaction_id: 'n2', revenue: 3.1 }),
        '{"interaction_id": "n3", oops}',
        line({ interaction_id: 'n4', revenue: 7, tags: ['a'] }),
      ].join('\n'),
    );
    const summary = await importFile(store, 'interactions', file, opts);
    expect(summary).toMatchObject({ read: 4, accepted: 2, rejected: 2, extraColumns: ['tags'] });
    expect(summary.rejects.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, 'revenue', 'money must be a decimal string or decimal type, not a binary float'],
      [4, null, 'not a JSON object'],
    ]);
    expect(await rows(store, 'SELECT interaction_id, revenue, csat FROM interactions ORDER BY 1')).toEqual([
      { interaction_id: 'n1', revenue: '3.1000', csat: 4 },
      { interaction_id: 'n4', revenue: '7.0000', csat: null },
    ]);
  });
});

describe('Parquet', () => {
  it('imports typed columns and numbers rows from 1', async () => {
    const store = await memoryStore();
    const csv = writeText(
      dir,
      'p.csv',
      [INTERACTION_HEADER, interaction('p1'), interaction('p2', { path: 'robot' })].join('\n'),
    );
    const parquet = `${dir}/p.parquet`;
    await store.run(
      sql`COPY (SELECT * REPLACE (CAST(started_at AS TIMESTAMPTZ) AS started_at) FROM read_csv(${csv}, all_varchar = true)) TO ${parquet} (FORMAT parquet)`,
    );
    const summary = await importFile(store, 'interactions', parquet, opts);
    expect(summary).toMatchObject({ format: 'parquet', read: 2, accepted: 1, rejected: 1 });
    expect(summary.rejects[0]).toMatchObject({ line: 2, column: 'path', value: 'robot' });
  });
});

describe('interval datasets', () => {
  it('rejects overlapping intervals of one agent, each naming the other, and keeps the rest', async () => {
    const store = await memoryStore();
    const file = writeText(
      dir,
      'schedules.csv',
      [
        'agent_id,activity,start,end',
        'a1,work,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z',
        'a1,break,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z',
        'a1,work,2026-03-02T11:00:00Z,2026-03-02T11:30:00Z',
        'a2,work,2026-03-02T11:00:00Z,2026-03-02T11:00:00Z',
        'a2,work,2026-03-02T13:00:00Z,2026-03-02T17:00:00Z',
      ].join('\n'),
    );
    const summary = await importFile(store, 'schedules', file, opts);
    expect(summary).toMatchObject({ read: 5, accepted: 2, rejected: 3 });
    expect(summary.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'overlaps another interval of the same agent in this file (also line 4)'],
      [4, 'overlaps another interval of the same agent in this file (also line 2)'],
      [5, 'end must be after start (start 2026-03-02T11:00:00Z)'],
    ]);
  });
});

describe('malformed CSV records', () => {
  it('rejects a record with the wrong number of fields and keeps counting lines right after it', async () => {
    const store = await memoryStore();
    const file = writeText(
      dir,
      'ragged.csv',
      [
        INTERACTION_HEADER,
        interaction('m1'),
        `${interaction('m2')},extra`,
        interaction('m3', { csat: '9' }),
      ].join('\n'),
    );
    const summary = await importFile(store, 'interactions', file, opts);
    expect(summary).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(summary.rejects.map((r) => [r.line, r.column])).toEqual([
      [3, null],
      [4, 'csat'],
    ]);
    expect(summary.rejects[0]?.reason).toMatch(/malformed CSV record/);
  });
});
