import { it } from 'vitest';
import { loadDemo } from '../demo/load-demo.js';
import { buildScorecard } from '../renewal/scorecard.js';
import { memoryStore } from '../test-support/fixtures.js';
it('probe', async () => {
  const store = await memoryStore();
  await loadDemo(store, { scale: 0.3, seed: 1, tenant: 'demo', decisions: false });
  const card = await buildScorecard(store, 'demo', 'northwind-coastline-2026', { asOf: '2027-01-01' });
  console.log('PROBE', JSON.stringify(card.mechanics));
}, 1_200_000);
