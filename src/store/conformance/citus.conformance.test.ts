import { afterAll } from 'vitest';
import { openCitusTestStore } from '../postgres/test-support/citus-server.js';
import { runConformance } from './run-conformance.js';

/** Against a real Citus cluster (a coordinator, two workers) the test run starts itself (see postgres/test-support). */
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

runConformance(
  'Citus',
  async () => {
    const opened = await openCitusTestStore();
    drops.push(opened.drop);
    return opened.store;
  },
  { rowLevelSecurity: true },
);
