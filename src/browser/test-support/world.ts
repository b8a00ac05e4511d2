import type { Browser } from 'playwright-core';
import { recalibrate } from '../../contracts/recalibrate.js';
import { createDemoUsers } from '../../demo/demo-users.js';
import { loadDemo } from '../../demo/load-demo.js';
import { silentLogger } from '../../server/logger.js';
import { type RunningServer, startServer } from '../../server/serve.js';
import type { Store } from '../../store/store.js';
import { memoryStore } from '../../test-support/fixtures.js';
import { BRIGHTPATH, PERIOD, PROPOSAL, TENANT } from './browser-demo.js';
import { ensureWebBuilt, launchChromium } from './machine-setup.js';

/** The world of one test file. */

export interface World {
  store: Store;
  server: RunningServer;
  browser: Browser;
  url: string;
  /** The agent id the demo agent is linked to. */
  agentId: string;
  close(): Promise<void>;
}

/** The demo at a small scale, its users, an open proposal, the server and Chromium. */
export async function startWorld(options: { scale?: number } = {}): Promise<World> {
  const opened: { store?: Store; server?: RunningServer; browser?: Browser } = {};
  const close = async () => {
    await opened.browser?.close().catch(() => undefined);
    // SSE streams end with the browser; the timeout keeps a stuck socket from hanging the run.
    if (opened.server)
      await Promise.race([opened.server.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await opened.store?.close();
  };
  try {
    const built = ensureWebBuilt();
    opened.browser = await launchChromium();
    opened.store = await memoryStore();
    await loadDemo(opened.store, { scale: options.scale ?? 0.03, seed: 1, tenant: TENANT, decisions: false });
    const users = await createDemoUsers(opened.store, TENANT);
    // As in recalibrate.test.ts: on Q3's last evening the July chatbot has moved containment.
    const report = await recalibrate(opened.store, TENANT, BRIGHTPATH, {
      period: PERIOD,
      asOf: '2026-09-30T19:00:00Z',
    });
    if (report.proposal?.id !== PROPOSAL) throw new Error(`expected proposal ${PROPOSAL}: ${report.outcome}`);
    await built;
    opened.server = await startServer(opened.store, { port: 0, deps: { log: silentLogger } });
    const { store, server, browser } = opened;
    return {
      store,
      server,
      browser,
      url: server.url,
      agentId: users.find((u) => u.role === 'agent')?.agentId ?? '',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
