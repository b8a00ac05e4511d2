import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import { loadDemo } from '../demo/load-demo.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';
import { tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';
import { addAlertListener, type OutcomeAlert } from './alert-hook.js';
import { evaluateAlerts } from './alerts.js';
import { estimateExperiment } from './estimate-experiment.js';
import { getExperiment } from './experiment-store.js';

/**
 * The demo at its default scale (1): the coaching experiment it registers, and the
 * projection of BrightPath's Q3 around the typhoon (2026-09-15), whose sev1 incident was
 * acknowledged and resolved late.
 */
const dir = tempDir();
const db = join(dir, 'demo.duckdb');
const CONTRACT = 'northwind-brightpath-2026';
let store: Store;

beforeAll(async () => {
  store = await DuckDbStore.open(db);
  await loadDemo(store, { scale: 1, seed: 1, tenant: 'default' });
}, 600_000);
afterAll(async () => store?.close());

describe('the demo as evidence', () => {
  it("shows BrightPath's coaching programme lifting card-dispute CSAT, its interval above 0", async () => {
    const def = await getExperiment(store, 'default', 'brightpath-coaching-2026');
    expect(def.treated).toEqual({ vendor: ['brightpath'], site: ['lisbon'] });
    const e = await estimateExperiment(store, 'default', def);
    expect(e.insufficient).toBe(false);
    expect(e.effect).toBeGreaterThan(0);
    expect(e.low).toBeGreaterThan(0);
    expect(e.p).toBeLessThan(0.05);
  }, 120_000);

  it('turns the incident service level to likely_miss after the typhoon, alerting once', async () => {
    const heard: OutcomeAlert[] = [];
    const stop = addAlertListener((a) => {
      heard.push(a);
    });
    const before = await evaluateAlerts(store, 'default', CONTRACT, '2026-09-14');
    const ack = (items: typeof before.projection.items) => items.find((i) => i.metric === 'incident_ack_sla');
    expect(before.projection.period).toBe('2026-Q3');
    expect(ack(before.projection.items)?.state).toBe('on_track');
    const after = await evaluateAlerts(store, 'default', CONTRACT, '2026-09-20');
    expect(ack(after.projection.items)?.state).toBe('likely_miss');
    const fired = after.fired.find((a) => a.metric === 'incident_ack_sla');
    expect(fired?.change).toBe('worsened');
    expect(heard.some((a) => a.id === fired?.id)).toBe(true);
    // The outcome.alert webhook and e-mail event sits in the outbox, written with the alert.
    const events = await store.query<{ vendor: string | null; body: string }>(
      sql`SELECT vendor, body FROM outbox_events WHERE tenant = 'default' AND type = 'outcome.alert'`,
    );
    expect(events.filter((e) => e.body.includes(fired?.id ?? '?'))).toHaveLength(1);
    expect(events.every((e) => e.vendor === 'brightpath')).toBe(true);
    const again = await evaluateAlerts(store, 'default', CONTRACT, '2026-09-20');
    expect(again.fired).toEqual([]);
    stop();
    // Every outcome has a state and a projected pay; the money at risk is the projected penalties.
    for (const item of after.projection.items.filter((i) => i.kind === 'outcome')) {
      expect(['on_track', 'at_risk', 'likely_miss', 'insufficient']).toContain(item.state);
      expect(item.projectedPay).toMatch(/^-?\d+\.\d{2}$/);
    }
    const penalties = after.projection.items
      .filter((i) => i.projectedPay !== null && Number(i.projectedPay) < 0)
      .reduce((s, i) => s - Number(i.projectedPay), 0);
    expect(Number(after.projection.moneyAtRisk)).toBeCloseTo(penalties, 2);
  }, 120_000);

  it('covenant alerts at 2026-09-20 shows the typhoon service-level state', async () => {
    await store.close();
    const { code, stdout, stderr } = runCli([
      'alerts',
      CONTRACT,
      '--db',
      db,
      '--as-of',
      '2026-09-20',
      '--format',
      'json',
    ]);
    store = await DuckDbStore.open(db);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.items.find((i: { metric: string }) => i.metric === 'incident_ack_sla').state).toBe(
      'likely_miss',
    );
    expect(out.history.some((a: { metric: string; state: string }) => a.metric === 'incident_ack_sla')).toBe(
      true,
    );
  }, 120_000);
});
