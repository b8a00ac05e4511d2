/**
 * Experiments, projections, alerts and the what-if over the API: the demo's experiment for
 * the client and not for a vendor (its control arm is another vendor's), the projection of
 * the typhoon week, alerts evaluated after an import, and the what-if for a client admin only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { dataVersion } from '../query/measurement-cache-sql.js';
import type { Store } from '../store/store.js';
import { INTERACTION_HEADER, interaction, memoryStore } from '../test-support/fixtures.js';
import type { ExperimentDetailT, OutcomeAlertT, ProjectionT } from './api/schemas.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

const BRIGHTPATH = 'northwind-brightpath-2026';
const EXPERIMENT = 'brightpath-coaching-2026';
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: 'northwind' });
  await createDemoUsers(store, 'northwind');
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 120_000);

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};
const coo = () => as('coo@northwind.example', 'demo-coo-2026');
const brightpath = () => as('ops@brightpath.example', 'demo-brightpath-2026');
const coastline = () => as('ops@coastline.example', 'demo-coastline-2026');

describe('experiments over the API', () => {
  it('shows the client the demo experiment with its four cells and both weekly series', async () => {
    const client = await coo();
    const list = await client.json<{ id: string }[]>('GET', '/api/experiments');
    expect(list.body.map((x) => x.id)).toContain(EXPERIMENT);
    const detail = await client.json<ExperimentDetailT>('GET', `/api/experiments/${EXPERIMENT}`);
    expect(detail.status).toBe(200);
    expect(detail.body.estimate.cells.treatedPre.n).toBeGreaterThan(0);
    expect(detail.body.series.treated.length).toBeGreaterThan(20);
    expect(detail.body.series.start).toBe('2026-04-01');
    const oneOff = await client.json<{ effect: number }>('POST', '/api/experiments/estimate', {
      metric: 'csat',
      treated: { site: ['lisbon'] },
      control: { vendor: ['coastline'] },
      start: '2026-04-01',
      timezone: 'Europe/Lisbon',
    });
    expect(oneOff.status).toBe(200);
    expect(typeof oneOff.body.effect).toBe('number');
  });

  it('keeps a vendor from an experiment that reads another vendor, and from registering one', async () => {
    const client = await brightpath();
    expect((await client.json<unknown[]>('GET', '/api/experiments')).body).toEqual([]);
    expect((await client.json('GET', `/api/experiments/${EXPERIMENT}`)).status).toBe(404);
    const body = {
      id: 'x',
      metric: 'csat',
      treated: { vendor: ['brightpath'] },
      control: { vendor: ['coastline'] },
      start: '2026-04-01',
    };
    expect((await client.json('POST', '/api/experiments/estimate', body)).status).toBe(403);
    expect((await client.json('POST', '/api/experiments', body)).status).toBe(403);
  });

  it('refuses a bad definition with every problem', async () => {
    const client = await coo();
    const bad = await client.json<{ issues: { path: string[] }[] }>('POST', '/api/experiments', {
      id: 'Bad Id',
      metric: 'nope',
      treated: {},
      control: { planet: ['mars'] },
      start: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i) => i.path[0]).sort()).toEqual([
      'control',
      'id',
      'metric',
      'start',
      'treated',
    ]);
  });
});

describe('projections and alerts over the API', () => {
  it('projects the typhoon week for the client, not for another vendor', async () => {
    const client = await coo();
    const p = await client.json<ProjectionT>(
      'GET',
      `/api/contracts/${BRIGHTPATH}/projection?asOf=2026-09-20`,
    );
    expect(p.status).toBe(200);
    expect(p.body.period).toBe('2026-Q3');
    expect(p.body.to).toBe('2026-09-19');
    expect(p.body.items.filter((i) => i.kind === 'outcome')).toHaveLength(6);
    expect(p.body.items.find((i) => i.metric === 'incident_ack_sla')?.state).toBe('likely_miss');
    expect((await (await coastline()).json('GET', `/api/contracts/${BRIGHTPATH}/projection`)).status).toBe(
      404,
    );
  });

  it('evaluates alerts after an import and stores the state changes', async () => {
    const client = await coo();
    const csv = [
      INTERACTION_HEADER,
      interaction('alert-trigger-1', { started_at: '2026-12-01T10:00:00Z' }),
    ].join('\n');
    expect((await client.send('POST', '/api/imports/interactions?filename=one.csv', csv)).status).toBe(200);
    let alerts: OutcomeAlertT[] = [];
    for (let i = 0; i < 120 && alerts.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      alerts = (await client.json<OutcomeAlertT[]>('GET', `/api/contracts/${BRIGHTPATH}/alerts`)).body;
    }
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.contract === BRIGHTPATH && a.state !== a.previousState)).toBe(true);
    // Then the contracts' pages are measured into the persisted measurements of the new data version.
    const { batch } = await dataVersion(store, 'northwind');
    const stored = sql`SELECT count(*) AS n FROM measurement_cache WHERE data_version = ${batch}`;
    let warmed = 0;
    for (let i = 0; i < 480 && warmed === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      warmed = Number((await store.query<{ n: number }>(stored))[0]?.n);
    }
    expect(warmed).toBeGreaterThan(0);
  }, 180_000);
});

describe('negotiation what-if over the API', () => {
  it('back-tests edited terms on four quarters for a client admin, and says what is invalid', async () => {
    const client = await coo();
    const path = `/api/contracts/${BRIGHTPATH}/what-if`;
    const ok = await client.json<{ backtest: { periods: unknown[] }; yaml: string }>('POST', path, {
      atRisk: 0.15,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.backtest.periods).toHaveLength(4);
    expect(ok.body.yaml).toContain('atRisk: 15%');
    const bad = await client.json<{ issues: unknown[] }>('POST', path, {
      portfolios: { onboarding: { weight: 0.9 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.length).toBeGreaterThan(0);
    expect((await (await brightpath()).json('POST', path, {})).status).toBe(403);
  }, 120_000);
});
