import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../test-support/fixtures.js';
import { BROWSER_NOW, DESKTOP, type DemoUser, PHONE } from './browser-demo.js';
import type { World } from './world.js';

/** Pages: a tab per context, signing in, navigating, waiting until settled, screenshots. */

/** Generous for a loaded 2-core machine; every wait is on a testid, never a sleep. */
const WAIT_MS = 20_000;

export const SCREENSHOTS = join(REPO_ROOT, 'artifacts/screenshots');

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
  // The dashboard must run under the server's strict CSP: any violation fails the file.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
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
