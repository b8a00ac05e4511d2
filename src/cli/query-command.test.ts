import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../core/metric/catalog.js';
import { importFile } from '../ingest/import-file.js';
import { interactionsCsv, MARCH } from '../query/test-data.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

const dir = tempDir();
const db = join(dir, 'cli.duckdb');

beforeAll(async () => {
  const store = await DuckDbStore.open(db);
  await importFile(store, 'interactions', writeText(dir, 'march.csv', interactionsCsv(MARCH)), {
    tenant: 'default',
  });
  await store.close();
});

const query = (...extra: string[]) =>
  runCli([
    'query',
    'csat,contacts',
    '--period',
    '2026-03',
    '--timezone',
    'Europe/Lisbon',
    '--db',
    db,
    ...extra,
  ]);

describe('covenant query', () => {
  it('prints the JSON array of the spec', () => {
    const { code, stdout } = query(
      '--format',
      'json',
      '--where',
      'vendor=brightpath',
      '--baseline',
      '2026-02',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        'metric',
        'group',
        'period',
        'value',
        'n',
        'low',
        'high',
        'unit',
        'direction',
        'matured',
        'maturesOn',
        'insufficient',
        'baseline',
        'difference',
        'differenceLow',
        'differenceHigh',
        'p',
        'params',
        'zone',
      ].sort(),
    );
    expect(rows.find((r) => r.metric === 'contacts')).toMatchObject({ value: 12, baseline: 2, group: {} });
  });

  it('prints CSV and a table, and breaks down by a dimension', () => {
    const csv = query('--format', 'csv', '--by', 'site');
    expect(csv.stdout.split('\n')[0]).toBe(
      'metric,group,period,value,n,low,high,unit,direction,matured,maturesOn,insufficient,baseline,difference,differenceLow,differenceHigh,p',
    );
    expect(csv.stdout).toContain('contacts,site=manila,2026-03,1,1,');
    const table = query();
    expect(table.stdout).toMatch(/csat\s+2026-03\s+71\.4%\s+7 /);
  });

  it('explains the definition and the SQL with its bound values', () => {
    const { stdout } = query('--explain', '--where', 'vendor=brightpath');
    expect(stdout).toContain('surveyed handled contacts with csat >= 4');
    expect(stdout).toContain('-- duckdb SQL');
    expect(stdout).toContain('"brightpath"');
  });

  it('says what is wrong with bad input and exits 2', () => {
    const bad = runCli(['query', 'csat', '--period', '2026-13', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--period 2026-13/);
    expect(runCli(['query', 'nope', '--period', '2026-03', '--db', db]).stderr).toMatch(
      /unknown metric nope/,
    );
    expect(
      runCli(['query', 'adherence', '--period', '2026-03', '--by', 'workflow', '--db', db]).stderr,
    ).toMatch(/cannot be filtered or broken down by workflow/);
  });
});

describe('covenant metrics', () => {
  it('shows every definition of the catalog', () => {
    const { stdout } = runCli(['metrics']);
    for (const metric of METRIC_CATALOG) expect(stdout).toContain(`${metric.id} — ${metric.label.singular}`);
    expect(JSON.parse(runCli(['metrics', 'fcr', '--format', 'json']).stdout)[0].params[0].name).toBe(
      'repeatWindow',
    );
  });
});
