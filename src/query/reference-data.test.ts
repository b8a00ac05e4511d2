import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import { loadMappingFactory } from '../ingest/mapping-hook.js';
import { memoryStore, REPO_ROOT, SHARED } from '../test-support/fixtures.js';
import { withWindows } from '../test-support/text-query.js';
import { runQuery } from './run-query.js';

const AUGUST = join(SHARED, 'reference-data/anonymous-bank-1999/august_1999.csv');

describe('the real Anonymous Bank log of August 1999 through its mapping', () => {
  it('gives the published mean service time (184.40 s) and mean wait of served calls (73.81 s)', async () => {
    const store = await memoryStore();
    const mapping = await loadMappingFactory(join(REPO_ROOT, 'mappings/anonymous-bank-1999.yaml'));
    const summary = await importFile(store, 'interactions', AUGUST, { tenant: 'bank', mapping });
    expect(summary).toMatchObject({ read: 41_768, accepted: 41_768, filtered: 310 });
    const results = await runQuery(
      store,
      withWindows({
        metrics: ['aht', 'asa', 'contacts', 'abandon_rate'],
        tenant: 'bank',
        period: '1999-08',
        zone: 'Asia/Jerusalem',
        where: {},
        by: [],
        params: {},
        minN: 1,
      }),
    );
    const byMetric = Object.fromEntries(results.map((r) => [r.metric, r]));
    expect(byMetric.aht?.value?.toFixed(2)).toBe('184.40');
    expect(byMetric.aht?.n).toBe(31_402);
    expect(byMetric.asa?.value?.toFixed(2)).toBe('73.81');
    expect(byMetric.contacts?.value).toBe(41_768);
  });
});
