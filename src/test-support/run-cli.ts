import { spawnSync } from 'node:child_process';
import { cliEntry } from './cli-entry.js';
import { REPO_ROOT } from './fixtures.js';

/** Runs the real CLI in a child process (tests only): the current build, else the sources. */
export function runCli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...cliEntry(), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
