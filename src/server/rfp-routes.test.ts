import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../core/issues.js';
import { DEMO_RFP, loadDemoRfp } from '../demo/demo-rfp.js';
import { listAudit } from '../records/audit.js';
import { openRfp } from '../records/test-support/open-rfp.js';
import { scoreRfpFiles } from '../renewal/rfp-files.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir } from '../test-support/fixtures.js';
import type { RfpComparisonT } from './api/schemas.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { startServer } from './serve.js';
import { TestClient } from './test-client.js';
import { addRfpUsers, jsonResponse, rfpFlow } from './test-support/rfp-flow.js';

/**
 * Stored RFPs over HTTP on a DuckDB file (docs/rfp.md, Stored RFPs): the flow of
 * test-support/rfp-flow.ts with the server stopped and started on the same file, and the
 * demo's RFP as `covenant demo` loads it, ranked as `rfp score` ranks the files.
 */
const TENANT = 'northwind';

async function serverOn(file: string) {
  let store: Store | null = null;
  return async () => {
    store = await DuckDbStore.open(file);
    const running = await startServer(store, { port: 0, deps: { log: silentLogger } });
    const opened = store;
    return {
      url: running.url,
      close: async () => {
        await running.close(100);
        await opened.close();
      },
    };
  };
}

describe('stored RFPs over the API', () => {
  it('creates an RFP, takes responses, survives a restart, is scored; vendors kept apart; late refused', async () => {
    const file = join(tempDir(), 'rfp.duckdb');
    const setup = await DuckDbStore.open(file);
    await addRfpUsers(setup, TENANT);
    await setup.close();
    await rfpFlow(await serverOn(file), async () => {
      const store = await DuckDbStore.open(file);
      try {
        return await listAudit(store, TENANT);
      } finally {
        await store.close();
      }
    });
  }, 60_000);

  it('serves the demo RFP from the store, ranked as `rfp score` ranks its files', async () => {
    const file = join(tempDir(), 'demo-rfp.duckdb');
    const setup = await DuckDbStore.open(file);
    await addRfpUsers(setup, TENANT);
    await loadDemoRfp(setup, TENANT);
    await setup.close();
    const server = await (await serverOn(file))();
    try {
      const { TestClient } = await import('./test-client.js');
      const client = new TestClient({
        request: (p: string, i: RequestInit) => fetch(server.url + p, i),
      } as never);
      expect((await client.login('coo@northwind.example', 'rfp-flow-2026')).status).toBe(200);
      const got = await client.json<RfpComparisonT>('GET', '/api/rfps/northwind-support-2027/comparison');
      expect(got.status).toBe(200);
      const { evaluation } = await scoreRfpFiles({
        rfp: 'rfp/default-rfp.yaml',
        responses: 'rfp/demo/responses',
      });
      expect(got.body.ranking.order).toEqual(evaluation.ranking.order);
      expect(got.body.vendors.map((v) => [v.vendor, v.total, v.classification])).toEqual(
        evaluation.vendors.map((v) => [v.vendor, v.total, v.classification]),
      );
      expect(got.body.evaluators.map((e) => e.id)).toEqual(Object.values(DEMO_RFP.evaluators));
      expect(got.body.deadline).toBe('2026-12-04T17:00:00.000Z');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('lists every problem of an invalid response with its path; refuses other types', async () => {
    const store = await memoryStore();
    await addRfpUsers(store, TENANT);
    await openRfp(store, TENANT, 'checks', ['coastline']);
    const app = createApp(serverDeps(store, { log: silentLogger }));
    const client = new TestClient(app);
    expect((await client.login('ops@coastline.example', 'rfp-flow-2026')).status).toBe(200);
    const base = jsonResponse('coastline', 'checks');
    const post = (spec: Record<string, unknown>) =>
      client.json<{ issues: Issue[] }>('POST', '/api/rfps/checks/responses', {
        response: { ...base, spec: { ...base.spec, ...spec } },
      });
    const shape = await post({ pricing: { model: 'per_minute', atRisk: '150%' } });
    expect(shape.status).toBe(400);
    const paths = shape.body.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('spec.pricing.model');
    expect(paths).toContain('spec.pricing.atRisk');
    const meaning = await post({
      answers: [
        { question: 'outcome-per-workflw', summary: 'typo in the question id' },
        {
          question: 'outcome-reporting',
          summary: 'a file that was not sent',
          evidence: [{ request: 'dashboard', title: 'Sample', file: 'missing.pdf' }],
        },
      ],
    });
    expect(meaning.status).toBe(400);
    const byPath = new Map(meaning.body.issues.map((i) => [i.path.join('.'), i]));
    expect(byPath.get('spec.answers.0.question')?.message).toContain('did you mean');
    expect(byPath.get('spec.answers.1.evidence.0.file')?.code).toBe('unknown_attachment');
    const yaml = await client.send('POST', '/api/rfps/checks/responses', 'kind: RFPResponse\nspec: [', {
      'content-type': 'application/yaml',
    });
    expect(yaml.status).toBe(400);
    const xml = await client.send('POST', '/api/rfps/checks/responses', '<xml/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    await store.close();
  });
});
