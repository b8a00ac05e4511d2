import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { DemoUser } from './browser-demo.js';
import { openTab, screenshot, signIn, type Tab } from './pages.js';
import { startWorld, type World } from './world.js';

/**
 * The browser tests' world: the demo story in a memory DuckDB with one user per role and
 * an open recalibration proposal, the real server on a free port serving the built
 * dashboard, and one headless Chromium (the one @sparticuz/chromium ships: nothing is
 * downloaded at test time).
 */

export * from './api-session.js';
export * from './browser-demo.js';
export * from './machine-setup.js';
export * from './pages.js';
export * from './world.js';

export interface BrowserSuite {
  readonly world: World;
  /** A new page in its own context, signed in as the user (or not signed in). */
  page(user: DemoUser | null, size?: 'desktop' | 'phone'): Promise<Page>;
}

/**
 * Registers the file's hooks: the world starts once before its tests and closes after
 * them, Chromium first, even when a test or the set-up failed; each test's pages close
 * after it, a failed test's kept as screenshots (artifacts/screenshots/failed-*.png);
 * uncaught page errors fail the file.
 */
export function browserSuite(options: { scale?: number; startTimeoutMs?: number } = {}): BrowserSuite {
  let world: World | undefined;
  const all: Tab[] = [];
  let current: Tab[] = [];
  beforeAll(async () => {
    world = await startWorld(options);
  }, options.startTimeoutMs ?? 180_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      for (const [i, tab] of current.entries())
        await screenshot(tab.page, `failed-${slug}-${i}`, 'desktop').catch(() => undefined);
    }
    // A page left open keeps listening for data versions and refetching: close each test's own.
    await Promise.all(current.map((tab) => tab.context.close().catch(() => undefined)));
    current = [];
  });
  afterAll(async () => {
    const errors = all.flatMap((tab) => tab.errors);
    await world?.close();
    expect(errors, 'uncaught errors in the pages').toEqual([]);
  });
  return {
    get world() {
      if (!world) throw new Error('the browser world did not start');
      return world;
    },
    async page(user, size = 'desktop') {
      if (!world) throw new Error('the browser world did not start');
      const tab = await openTab(world, size);
      all.push(tab);
      current.push(tab);
      if (user) await signIn(tab.page, user);
      return tab.page;
    },
  };
}
