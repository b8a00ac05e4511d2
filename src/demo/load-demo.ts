import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDatasetName } from '../core/dataset/types.js';
import { importFile } from '../ingest/import-file.js';
import type { ImportSummary } from '../ingest/import-types.js';
import type { Store } from '../store/store.js';
import { generateDemo } from './generate-demo.js';

export interface LoadDemoOptions {
  scale: number;
  seed: number;
  tenant: string;
  onImported?: (summary: ImportSummary) => void;
}

/**
 * Generates the demo story as canonical files and imports them through the same import
 * path as any client's files, so the demo exercises (and proves) the real pipeline.
 */
export async function loadDemo(store: Store, options: LoadDemoOptions): Promise<ImportSummary[]> {
  const dir = await mkdtemp(join(tmpdir(), 'covenant-demo-'));
  try {
    const files = await generateDemo({ scale: options.scale, seed: options.seed, outDir: dir });
    const summaries: ImportSummary[] = [];
    for (const { dataset, file } of files) {
      if (!isDatasetName(dataset)) throw new Error(`the demo generator wrote an unknown dataset ${dataset}`);
      const summary = await importFile(store, dataset, file, { tenant: options.tenant });
      options.onImported?.(summary);
      summaries.push(summary);
    }
    return summaries;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
