import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContractFile, storeVersion } from '../contracts/contract-store.js';
import { isDatasetName } from '../core/dataset/types.js';
import { UserError } from '../core/issues.js';
import { loadDocument } from '../files/load-document.js';
import { importFile } from '../ingest/import-file.js';
import type { ImportSummary } from '../ingest/import-types.js';
import { applyMetric, loadTenantMetrics, parseCustomMetric } from '../query/custom-metric-store.js';
import { ensureTenant } from '../server/auth/tenants.js';
import type { Store } from '../store/store.js';
import { playDemoDecisions } from './demo-decisions.js';
import { loadDemoRfp } from './demo-rfp.js';
import { registerDemoExperiments } from './experiments.js';
import { generateDemo } from './generate-demo.js';

/** The demo's contracts (demo-scenario.md), shipped in contracts/ at the package root. */
const CONTRACTS_DIR = fileURLToPath(new URL('../../contracts/', import.meta.url));
const DEMO_CONTRACTS = ['northwind-brightpath-2026', 'northwind-coastline-2026', 'northwind-brightpath-2027'];
/** The client's own metrics (kind Metric) the demo applies before its contracts name them. */
const METRICS_DIR = fileURLToPath(new URL('../../metrics/', import.meta.url));
const DEMO_METRICS = ['self-service-adoption'];

/** The demo tenant's display name (the story's client). */
export const DEMO_TENANT_NAME = 'Northwind Bank';

export interface LoadDemoOptions {
  scale: number;
  seed: number;
  tenant: string;
  onImported?: (summary: ImportSummary) => void;
  /** Play the parties' Q3 recalibration decisions of the story (default true; tests of recalibration itself start without). */
  decisions?: boolean;
}

/**
 * Generates the demo story as canonical files and imports them through the same import
 * path as any client's files, so the demo exercises (and proves) the real pipeline; then
 * stores the demo contracts and the demo's RFP with its responses and scores.
 */
export async function loadDemo(store: Store, options: LoadDemoOptions): Promise<ImportSummary[]> {
  // A tenant created for the demo is marked a demo (the dashboard says so); one that exists keeps its mark.
  await ensureTenant(store, options.tenant, { name: DEMO_TENANT_NAME, isDemo: true });
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
    for (const name of DEMO_METRICS) {
      const file = join(METRICS_DIR, `${name}.yaml`);
      const parsed = await loadDocument(file, 'metric', parseCustomMetric);
      if (!parsed.ok) throw new UserError(`${file}: not a valid metric`, parsed.issues);
      await applyMetric(store, options.tenant, parsed.value);
    }
    await loadTenantMetrics(store, options.tenant);
    for (const name of DEMO_CONTRACTS) {
      const input = await readContractFile(join(CONTRACTS_DIR, `${name}.yaml`));
      await store.transaction((tx) => storeVersion(tx, options.tenant, { ...input, origin: 'demo' }));
    }
    if (options.decisions ?? true) await playDemoDecisions(store, options.tenant);
    await store.transaction((tx) => registerDemoExperiments(tx, options.tenant));
    await loadDemoRfp(store, options.tenant);
    return summaries;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
