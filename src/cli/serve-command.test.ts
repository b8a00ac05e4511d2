import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';
import { SETTINGS } from './serve-config.js';

/** `covenant serve` as operators meet it: its help, and bad settings refused before it starts. */
describe('covenant serve settings', () => {
  it('--help shows each setting with its default, its variable and its file key', () => {
    const { code, stdout } = runCli(['serve', '--help']);
    expect(code).toBe(0);
    const help = stdout.replace(/\s+/g, ' ');
    for (const s of SETTINGS) {
      expect(help).toContain(s.flag);
      expect(help).toContain(`env ${s.env}`);
      expect(help).toContain(`covenant.yaml: ${s.key}`);
    }
    expect(help).toContain('[default: 4600;');
    expect(help).toContain('[default: 127.0.0.1;');
    expect(help).toContain('--config <file>');
  });

  it('refuses a bad settings file with exit 2 and every problem at its line', () => {
    const file = writeText(tempDir(), 'covenant.yaml', 'host: 0.0.0.0\nport: 99999\nlogLevl: debug\n');
    const { code, stderr } = runCli(['serve', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:2:7: expected a whole number at least 0 and at most 65535`);
    expect(stderr).toMatch(new RegExp(`${file}:3:1: unknown key logLevl \\(did you mean logLevel\\?\\)`));
  });

  it('is documented: every setting in the tables of docs/api.md and docs/deploy.md', () => {
    for (const doc of ['docs/api.md', 'docs/deploy.md']) {
      const text = readFileSync(join(REPO_ROOT, doc), 'utf8');
      for (const s of SETTINGS) {
        const row = text.split('\n').find((line) => line.startsWith(`| \`${s.flag.split(' ')[0]}`));
        expect(row, `${doc}: ${s.flag}`).toBeDefined();
        expect(row).toContain(`\`${s.env}\``);
        expect(row).toContain(`\`${s.key}\``);
      }
    }
  });
});
