import { describe, expect, it } from 'vitest';
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

/**
 * Every kind of column check words its reason, and a value that passes is stored typed: the
 * stage tests a row cheaply and words reasons only when the test fails (stage-sql.ts).
 */
describe('the reasons of every column check', () => {
  it('rejects each bad value of customers and sites with its reason, and keeps the good rows', async () => {
    const store = await memoryStore();
    const customers = writeText(
      dir,
      'customers.csv',
      [
        'customer_id,since,churned_at,segment,monthly_value',
        'c1,2024-01-01,,retail,25.00',
        'c2,2024-13-01,2023-01-01,x,abc',
        'c3,2024-01-01,2023-12-31,x,1.5',
        'c4, 2024-02-29 ,,\u00a0retail\u00a0,-0.0001',
        ',2024-01-01,,,',
      ].join('\n'),
    );
    const sites = writeText(
      dir,
      'sites.csv',
      ['site,vendor,timezone,country', 's1,v,Europe/Lisbon,pt', 's2,v,Mars/Base,XX', 's3,v,,PT'].join('\n'),
    );
    await importFile(store, 'customers', customers, { tenant: 't' });
    await importFile(store, 'sites', sites, { tenant: 't' });
    expect(
      await rows(
        store,
        'SELECT line, "column", value, reason FROM import_rejects ORDER BY batch_id, line, "column"',
      ),
    ).toEqual([
      {
        line: 3,
        column: 'monthly_value',
        value: 'abc',
        reason: 'expected a decimal amount like 12.50 (at most 4 decimals)',
      },
      { line: 3, column: 'since', value: '2024-13-01', reason: 'expected a date YYYY-MM-DD' },
      {
        line: 4,
        column: 'churned_at',
        value: '2023-12-31',
        reason: 'churned_at must not be before since (since 2024-01-01)',
      },
      { line: 6, column: 'customer_id', value: null, reason: 'required value is missing' },
      {
        line: 3,
        column: 'country',
        value: 'XX',
        reason: 'expected an ISO 3166-1 alpha-2 country code such as PT',
      },
      {
        line: 3,
        column: 'timezone',
        value: 'Mars/Base',
        reason: 'expected an IANA time zone such as Europe/Lisbon',
      },
      { line: 4, column: 'timezone', value: null, reason: 'required value is missing' },
    ]);
    expect(
      await rows(
        store,
        'SELECT customer_id, CAST(since AS VARCHAR) AS since, segment, monthly_value FROM customers ORDER BY 1',
      ),
    ).toEqual([
      { customer_id: 'c1', since: '2024-01-01', segment: 'retail', monthly_value: '25.0000' },
      { customer_id: 'c4', since: '2024-02-29', segment: 'retail', monthly_value: '-0.0001' },
    ]);
    expect(await rows(store, 'SELECT site, country FROM sites ORDER BY 1')).toEqual([
      { site: 's1', country: 'PT' },
    ]);
  });

  it('rejects bad booleans, language tags, numbers out of range and timestamps, and types the good ones', async () => {
    const store = await memoryStore();
    const file = writeText(
      dir,
      'interactions.csv',
      [
        INTERACTION_HEADER,
        interaction('i1', { abandoned: 'maybe', language: 'e1', queue_seconds: '-1', handle_seconds: 'nan' }),
        interaction('i2', { started_at: 'soon', closed_at: '2026-03-02T09:15:00z', path: 'robot' }),
        interaction('i3', {
          abandoned: 'YES',
          resolved: '0',
          channel: 'VOICE',
          started_at: '2026-03-02T10:15+01:00',
        }),
      ].join('\n'),
    );
    await importFile(store, 'interactions', file, { tenant: 't' });
    expect(
      await rows(store, 'SELECT line, "column", value, reason FROM import_rejects ORDER BY line, "column"'),
    ).toEqual([
      { line: 2, column: 'abandoned', value: 'maybe', reason: 'expected true/false/1/0/yes/no' },
      { line: 2, column: 'handle_seconds', value: 'nan', reason: 'expected a number >= 0' },
      { line: 2, column: 'language', value: 'e1', reason: 'expected a BCP 47 language tag such as pt-PT' },
      { line: 2, column: 'queue_seconds', value: '-1', reason: 'expected a number >= 0' },
      {
        line: 3,
        column: 'closed_at',
        value: '2026-03-02T09:15:00z',
        reason: 'expected an ISO 8601 timestamp such as 2026-03-02T09:15:00+01:00',
      },
      { line: 3, column: 'path', value: 'robot', reason: 'expected one of bot, human, bot_to_human' },
      {
        line: 3,
        column: 'started_at',
        value: 'soon',
        reason:
          'timestamp has no UTC offset (expected e.g. 2026-03-02T09:15:00+01:00, or name the zone with --timezone)',
      },
    ]);
    expect(
      await rows(
        store,
        'SELECT interaction_id, channel, abandoned, resolved, CAST(started_at AS VARCHAR) AS started_at FROM interactions',
      ),
    ).toEqual([
      {
        interaction_id: 'i3',
        channel: 'voice',
        abandoned: true,
        resolved: false,
        started_at: '2026-03-02 09:15:00+00',
      },
    ]);
  });
});
