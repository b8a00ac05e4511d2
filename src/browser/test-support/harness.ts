import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { recalibrate } from '../../contracts/recalibrate.js';
import { createDemoUsers } from '../../demo/demo-users.js';
import { loadDemo } from '../../demo/load-demo.js';
import { silentLogger } from '../../server/logger.js';
import { type RunningServer, startServer } from '../../server/serve.js';
import type { Store } from '../../store/store.js';
import { memoryStore, REPO_ROOT } from '../../test-support/fixtures.js';

/**
 * The browser tests' world: the demo story in a memory DuckDB with one user per role and
 * an open recalibration proposal, the real server on a free port serving the built
 * dashboard, and one headless Chromium (the one @sparticuz/chromium ships: nothing is
 * downloaded at test time).
 */

export const TENANT = 'default';
export const BRIGHTPATH = 'northwind-brightpath-2026';
export const BRIGHTPATH_2027 = 'northwind-brightpath-2027';
export const COASTLINE = 'northwind-coastline-2026';
/** recalibrate(BRIGHTPATH, 2026-Q3) is the contract's first proposal. */
export const PROPOSAL = `${BRIGHTPATH}-r1`;
/**
 * The pages' clock: a day in the demo story's last quarter, so where each role lands and
 * which quarter pages open on do not depend on the day the tests run.
 */
export const BROWSER_NOW = '2026-11-16T10:00:00Z';
/** The quarter the pages open on at BROWSER_NOW (the latest ended quarter of the 2026 term). */
export const PERIOD = '2026-Q3';

export interface DemoUser {
  email: string;
  password: string;
}

export const USERS = {
  coo: { email: 'coo@northwind.example', password: 'demo-coo-2026' },
  viewer: { email: 'vendors@northwind.example', password: 'demo-viewer-2026' },
  brightpath: { email: 'ops@brightpath.example', password: 'demo-brightpath-2026' },
  coastline: { email: 'ops@coastline.example', password: 'demo-coastline-2026' },
  lead: { email: 'lead.lisbon@brightpath.example', password: 'demo-lead-2026' },
  agent: { email: 'agent@brightpath.example', password: 'demo-agent-2026' },
} satisfies Record<string, DemoUser>;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Generous for a loaded 2-core machine; every wait is on a testid, never a sleep. */
const WAIT_MS = 20_000;

const WEB_DIR = join(REPO_ROOT, 'dist/web');
const WEB_SOURCES = [join(REPO_ROOT, 'web')];
export const SCREENSHOTS = join(REPO_ROOT, 'artifacts/screenshots');

// ---------------------------------------------------------------------------------------
// One-time machine set-up, shared by test files running in parallel processes.

/** Runs `work` holding a lock (a directory in the temp folder) that other processes wait on. */
async function withLock<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const dir = join(tmpdir(), `covenant-browser-${name}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A holder that died leaves its lock behind: take it over once it is clearly stale.
      const age = Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(dir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const webIsFresh = (): boolean => {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= Math.max(...WEB_SOURCES.map(newestMtime));
};

/**
 * dist/web as the server serves it: built by `npm ci` (prepare); built here when missing
 * (a fresh clone without prepare) or older than web/ (an edited dashboard), so the tests
 * always drive the dashboard the source describes.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (webIsFresh()) return;
  await withLock('web-build', () => {
    if (webIsFresh()) return;
    execFileSync(join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      timeout: 120_000,
    });
  });
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`vite build did not write ${WEB_DIR}`);
}

/**
 * Chromium from @sparticuz/chromium. Its first call inflates the binary into the temp
 * folder, and a second process seeing the half-written file would launch it: the lock
 * makes the others wait for the first. `--single-process` (for AWS Lambda) is left out:
 * with it, closing one browser context closes the whole browser.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await withLock('chromium', () => chromium.executablePath());
  const args = chromium.args.filter((a) => a !== '--single-process' && a !== '--disable-web-security');
  return playwright.launch({ executablePath, args: [...args, '--no-sandbox'], headless: true });
}

// ---------------------------------------------------------------------------------------
// The world of one test file.

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
export async function startWorld(): Promise<World> {
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
    await loadDemo(opened.store, { scale: 0.03, seed: 1, tenant: TENANT });
    const users = await createDemoUsers(opened.store, TENANT);
    // As in recalibrate.test.ts: on Q3's last evening the July chatbot has moved containment.
    const report = await recalibrate(opened.store, TENANT, BRIGHTPATH, {
      period: PERIOD,
      asOf: '2026-09-30T19:00:00Z',
    });
    if (report.proposal?.id !== PROPOSAL) throw new Error(`expected proposal ${PROPOSAL}: ${report.outcome}`);
    await built;
    opened.server = await startServer(opened.store, { port: 0, tenant: TENANT, deps: { log: silentLogger } });
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

// ---------------------------------------------------------------------------------------
// Pages.

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a test asserts there were none. */
  errors: string[];
}

/** A fresh context (its own cookies) and page at a desktop or phone viewport. */
export async function openTab(world: World, size: 'desktop' | 'phone' = 'desktop'): Promise<Tab> {
  const context = await world.browser.newContext({
    baseURL: world.url,
    viewport: size === 'phone' ? PHONE : DESKTOP,
    ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}),
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/Lisbon',
  });
  context.setDefaultTimeout(WAIT_MS);
  await context.clock.setFixedTime(new Date(BROWSER_NOW));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Signs in through the form and waits for the signed-in header. */
export async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto('/#/login');
  await byTestId(page, 'login-email').fill(user.email);
  await byTestId(page, 'login-password').fill(user.password);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'nav-logout').waitFor();
}

/** Goes to a hash route of the loaded app (no reload) or loads the app on it. */
export async function goTo(page: Page, hash: string): Promise<void> {
  if (page.url().startsWith('http')) await page.evaluate((h) => window.location.assign(h), hash);
  else await page.goto(`/${hash}`);
}

/** Waits until nothing on the page is loading and every chart has drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('.loading') === null &&
      document.querySelector('.chart[data-ready="false"]') === null,
  );
}

/** The page's full document is no wider than the viewport (no horizontal scroll). */
export const overflow = (page: Page): Promise<{ scrollWidth: number; innerWidth: number }> =>
  page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
    innerWidth: window.innerWidth,
  }));

export async function screenshot(page: Page, name: string, size: 'desktop' | 'phone'): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}-${size}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ---------------------------------------------------------------------------------------
// The API from Node, as an integration would call it with a browser's session.

export interface ApiSession {
  send(method: string, path: string, body?: string | object): Promise<Response>;
}

export async function apiSession(world: World, user: DemoUser): Promise<ApiSession> {
  const login = await fetch(`${world.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!login.ok) throw new Error(`login ${user.email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    send: (method, path, body) =>
      fetch(`${world.url}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

/** fetch from inside the page (its cookie), with the CSRF token the app holds, answering status and body. */
export function pageFetch(
  page: Page,
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
      return { status: response.status, body: parsed };
    },
    { method, path, body },
  );
}

// ---------------------------------------------------------------------------------------
// A test file's hooks.

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
export function browserSuite(): BrowserSuite {
  let world: World | undefined;
  const all: Tab[] = [];
  let current: Tab[] = [];
  beforeAll(async () => {
    world = await startWorld();
  }, 180_000);
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
