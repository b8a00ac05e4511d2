import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import { interactionsCsv, MARCH } from '../query/test-data.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { CHAT_RESOLUTION } from '../test-support/chat-resolution-metric.js';
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

describe('covenant metric', () => {
  it('validate refuses broken files with every problem as file:line:column, exit 2', {
    timeout: 180_000,
  }, () => {
    const bad = writeText(
      dir,
      'bad.yaml',
      CHAT_RESOLUTION.replace('name: chat_resolution', 'name: aht').replace(
        'numerator: resolved',
        'numerator: resolvd',
      ),
    );
    const other = writeText(dir, 'other.yaml', CHAT_RESOLUTION.replace("'chat'", "'fax'"));
    const { code, stderr } = runCli(['metric', 'validate', bad, other]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}:3:19: aht is a built-in metric`);
    expect(stderr).toContain(`${bad}:10:14: unknown column resolvd (did you mean resolved?)`);
    expect(stderr).toContain(`${other}:9:21: channel is never 'fax'`);
  });

  // Each CLI run is a process of its own (seconds on a loaded machine): a few per test.
  const SLOW = 180_000;

  it(
    'apply stores it and covenant metrics lists it',
    () => {
      const file = writeText(dir, 'good.yaml', CHAT_RESOLUTION);
      expect(runCli(['metric', 'apply', file, '--db', db]).stdout).toBe('chat_resolution created\n');
      const catalog = runCli(['metrics', 'chat_resolution', '--db', db]);
      expect(catalog.stdout).toContain('chat_resolution — chat resolution rate [custom]');
    },
    SLOW,
  );

  it(
    'covenant query answers it',
    () => {
      const queried = runCli([
        'query',
        'chat_resolution',
        '--period',
        '2026-03',
        '--timezone',
        'Europe/Lisbon',
        '--format',
        'json',
        '--db',
        db,
      ]);
      expect(queried.code, queried.stderr).toBe(0);
      const [result] = JSON.parse(queried.stdout) as { metric: string; n: number; value: number }[];
      expect(result?.metric).toBe('chat_resolution');
      expect(result?.n).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'show prints it as applied; remove takes it out of the list',
    () => {
      expect(runCli(['metric', 'show', 'chat_resolution', '--db', db]).stdout).toBe(CHAT_RESOLUTION);
      expect(runCli(['metric', 'remove', 'chat_resolution', '--db', db]).code).toBe(0);
      expect(runCli(['metric', 'list', '--db', db]).stdout).toBe('no custom metrics\n');
    },
    SLOW,
  );
});

describe('covenant contract validate --metrics', () => {
  it('validates the demo 2027 terms, which pay the demo metric, with the metric file', {
    timeout: 180_000,
  }, () => {
    const contract = 'contracts/northwind-brightpath-2027.yaml';
    const db = join(tempDir(), 'none.duckdb');
    const without = runCli(['contract', 'validate', contract, '--db', db]);
    expect(without.code).toBe(2);
    expect(without.stdout).toContain('unknown metric self_service_adoption');
    const withMetric = runCli([
      'contract',
      'validate',
      contract,
      '--metrics',
      'metrics/self-service-adoption.yaml',
      '--db',
      db,
    ]);
    expect(withMetric.stdout).toContain('valid (northwind-brightpath-2027)');
    expect(withMetric.code).toBe(0);
  });
});
