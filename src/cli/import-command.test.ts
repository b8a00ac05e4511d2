import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERACTION_HEADER, interaction, tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

describe('covenant import with read options', () => {
  it('reads a semicolon, Latin-1, decimal-comma file and prints the summary as JSON', {
    timeout: 180_000,
  }, () => {
    const dir = tempDir();
    const lines = [
      INTERACTION_HEADER,
      interaction('é1', { handle_seconds: '12.5', workflow: 'réclamation' }),
    ].map((line) => line.replaceAll(',', ';').replace(';12.5;', ';12,5;'));
    const file = join(dir, 'euro.csv');
    writeFileSync(file, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    const { code, stdout, stderr } = runCli([
      'import',
      'interactions',
      file,
      '--delimiter',
      ';',
      '--encoding',
      'iso-8859-1',
      '--decimal',
      ',',
      '--format',
      'json',
      '--db',
      join(dir, 'x.duckdb'),
    ]);
    expect(code, stderr).toBe(0);
    const [summary] = JSON.parse(stdout) as {
      file: string;
      read: number;
      accepted: number;
      rejected: number;
    }[];
    expect(summary).toMatchObject({ file, read: 1, accepted: 1, rejected: 0 });
    const bad = runCli([
      'import',
      'interactions',
      file,
      '--encoding',
      'ebcdic',
      '--db',
      join(dir, 'x.duckdb'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--encoding ebcdic: expected one of utf-8, windows-1252');
  });
});
