import { describe, expect, it } from 'vitest';
import { listVersions } from '../contracts/contract-store.js';
import { runQuery } from '../query/run-query.js';
import { memoryStore } from '../test-support/fixtures.js';
import { loadDemo } from './load-demo.js';

describe('the demo loaded through the import path', () => {
  it('imports every dataset without a reject, stores the contracts, and shows the chatbot through the engine', async () => {
    const store = await memoryStore();
    const summaries = await loadDemo(store, { scale: 0.03, seed: 7, tenant: 'northwind' });
    expect(summaries).toHaveLength(11);
    expect(summaries.every((s) => s.rejected === 0 && s.accepted === s.read)).toBe(true);
    expect((await listVersions(store, 'northwind')).map((v) => v.contractId).sort()).toEqual([
      'northwind-brightpath-2026',
      'northwind-brightpath-2027',
      'northwind-coastline-2026',
    ]);
    const containment = await runQuery(store, {
      metrics: ['containment'],
      tenant: 'northwind',
      period: '2026-06..2026-07',
      zone: 'Europe/Lisbon',
      where: { workflow: ['password_reset'] },
      by: [],
      params: {},
      minN: 1,
    });
    const [june, july] = containment.map((r) => r.value ?? 0);
    expect(june).toBe(0);
    expect(july).toBeGreaterThan(0.2);
  });
});
