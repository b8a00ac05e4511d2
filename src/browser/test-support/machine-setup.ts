import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { type Browser, chromium as playwright } from 'playwright-core';
import { REPO_ROOT } from '../../test-support/fixtures.js';

/**
 * One-time machine set-up, shared by test files running in parallel processes: the built
 * dashboard and the Chromium binary, each prepared under a lock.
 */

const WEB_DIR = join(REPO_ROOT, 'dist/web');
const WEB_SOURCES = [join(REPO_ROOT, 'web')];

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
