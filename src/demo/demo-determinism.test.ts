/** The same seed gives byte-identical files; another seed gives other data. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.js';

const dirs: string[] = [];

async function hashes(seed: number): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-seed-'));
  dirs.push(dir);
  const files = await generateDemo({ scale: 0.01, seed, outDir: dir });
  const out: Record<string, string> = {};
  for (const f of files)
    out[f.dataset] = createHash('sha256')
      .update(await readFile(f.file))
      .digest('hex');
  return out;
}

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('demo determinism', () => {
  it('writes byte-identical files for the same seed and different data for another', async () => {
    const a = await hashes(7);
    const b = await hashes(7);
    const c = await hashes(8);
    expect(b).toEqual(a);
    // sites.csv is reference data and the same for every seed; everything generated differs.
    for (const [dataset, hash] of Object.entries(a)) {
      if (dataset !== 'sites') expect(c[dataset], dataset).not.toBe(hash);
    }
  });

  it('rejects a scale or seed it cannot use', async () => {
    await expect(generateDemo({ scale: 0, seed: 1, outDir: tmpdir() })).rejects.toThrow(/scale/);
    await expect(generateDemo({ scale: 1, seed: 1.5, outDir: tmpdir() })).rejects.toThrow(/seed/);
  });
});
