import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRfp } from '../core/rfp/parse.js';
import { addUser } from '../server/auth/users.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { REPO_ROOT, tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

/** `covenant rfp create|list|respond|score --from|show` on a DuckDB file; a late response exits 1 naming the deadline. */
describe('covenant rfp on the store', () => {
  it('creates, lists, takes a response and scores, shows the ranking, and refuses a late response', async () => {
    const dir = tempDir();
    const db = join(dir, 'rfp.duckdb');
    const store = await DuckDbStore.open(db);
    await addUser(store, 'acme', {
      email: 'boss@acme.example',
      name: 'Boss',
      role: 'client_admin',
      organisation: 'acme',
      password: 'long-enough-1',
    });
    await store.close();
    const cli = (...args: string[]) => runCli(['rfp', ...args, '--db', db, '--tenant', 'acme']);

    const created = cli(
      'create',
      '--id',
      'acme-2030',
      '--deadline',
      '2030-01-15T17:00:00Z',
      '--evaluator',
      'boss@acme.example',
      '--vendor',
      'coastline',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created acme-2030');
    expect(cli('list').stdout).toMatch(/acme-2030 .* 2030-01-15T17:00:00\.000Z .* coastline/);

    const response = writeText(
      dir,
      'coastline.yaml',
      [
        'apiVersion: covenant/v1',
        'kind: RFPResponse',
        'metadata: { name: coastline-2030 }',
        'spec:',
        '  rfp: acme-2030',
        '  vendor: coastline',
        '  pricing: { model: per_contact, atRisk: 8% }',
        '  answers:',
        '    - { question: outcome-reporting, summary: A monthly report. }',
        '',
      ].join('\n'),
    );
    const responded = cli('respond', 'acme-2030', response, '--by', 'ops@coastline.example');
    expect(responded.code).toBe(0);
    expect(responded.stdout).toContain("stored coastline's response to acme-2030");

    const rfp = parseRfp(readFileSync(join(REPO_ROOT, 'rfp/default-rfp.yaml'), 'utf8'), 'rfp.yaml');
    if (!rfp.ok) throw new Error('the default RFP does not parse');
    const scores = writeText(
      dir,
      'scores.yaml',
      [
        'apiVersion: covenant/v1',
        'kind: RFPScores',
        'metadata: { name: boss }',
        'spec:',
        '  rfp: acme-2030',
        '  evaluator: { id: boss }',
        '  scores:',
        '    coastline:',
        ...rfp.value.questions.map((q) => `      ${q.id}: 3`),
        '',
      ].join('\n'),
    );
    const scored = cli('score', 'acme-2030', '--from', scores, '--evaluator', 'boss@acme.example');
    expect(scored.stdout).toContain(`stored ${rfp.value.questions.length} scores of boss@acme.example`);
    const shown = JSON.parse(cli('show', 'acme-2030', '--format', 'json').stdout) as {
      ranking: { winner: string };
      scoring: { complete: boolean }[];
    };
    expect(shown.ranking.winner).toBe('coastline');
    expect(shown.scoring).toEqual([
      expect.objectContaining({ evaluator: 'boss@acme.example', complete: true }),
    ]);

    // Far enough ahead for a CLI process to start on a busy machine, near enough to wait for.
    const deadline = new Date(Date.now() + 20_000).toISOString();
    expect(
      cli(
        'create',
        '--id',
        'closing',
        '--deadline',
        deadline,
        '--evaluator',
        'boss@acme.example',
        '--vendor',
        'coastline',
      ).code,
    ).toBe(0);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(deadline) - Date.now() + 50)));
    writeText(dir, 'late.yaml', readFileSync(response, 'utf8').replace('rfp: acme-2030', 'rfp: closing'));
    const late = cli('respond', 'closing', join(dir, 'late.yaml'), '--by', 'ops@coastline.example');
    expect(late.code).toBe(1);
    expect(late.stderr).toContain(`the deadline for responses to closing was ${deadline}`);
  }, 120_000);
});
