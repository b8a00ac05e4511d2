import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

/**
 * The node arguments that run the CLI in a child process. The compiled CLI (dist/, built by
 * `npm ci` through `prepare`) starts in half the CPU time of the sources through tsx, and the
 * suite spawns it a few hundred times; it is used only when it is newer than every source
 * file, so a test never runs a stale build.
 */
export function cliEntry(): string[] {
  current ??= builtIsCurrent();
  return current ? ['bin/covenant.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
}

let current: boolean | undefined;

function builtIsCurrent(): boolean {
  let built: number;
  try {
    built = statSync(join(REPO_ROOT, 'dist/cli/main.js')).mtimeMs;
  } catch {
    return false;
  }
  return newest(join(REPO_ROOT, 'src')) < built && statSync(join(REPO_ROOT, 'package.json')).mtimeMs < built;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}
