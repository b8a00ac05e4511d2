import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './fixtures.js';

/** Runs the real CLI from source in a child process (tests only). */
export function runCli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
