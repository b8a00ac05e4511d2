import { afterAll } from 'vitest';
import { openTestStore } from '../postgres/test-support/test-server.js';
import { runConformance } from './run-conformance.js';

/** Against a real PostgreSQL server the test run starts itself (see postgres/test-support). */
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

runConformance(
  'PostgreSQL',
  async () => {
    const opened = await openTestStore();
    drops.push(() => opened.db.drop());
    return opened.store;
  },
  { rowLevelSecurity: true },
);
