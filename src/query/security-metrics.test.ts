import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetName } from '../core/dataset/types.js';
import type { MetricResult } from '../core/metric/types.js';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { type QueryOptions, runQuery } from './run-query.js';

/**
 * Security metrics over hand-built data, March 2026 in Europe/Lisbon: the period is
 * [2026-03-01T00:00Z, 2026-03-31T23:00Z) (Lisbon is UTC+1 from 29 March).
 * Default limits: sev1 acknowledge 15m / resolve 4h, sev2 1h / 24h; sev3 has none.
 */

const dir = tempDir();

const DATA: Partial<Record<DatasetName, string[]>> = {
  agents: [
    'agent_id,vendor,site,timezone,role,team_lead_id,critical_role,hired_at,left_at',
    'a1,brightpath,lisbon,Europe/Lisbon,agent,,,2025-01-01,',
    'a2,brightpath,manila,Asia/Manila,agent,,,2025-01-01,',
    'a4,brightpath,manila,Asia/Manila,agent,,,2025-01-01,',
    'a5,brightpath,lisbon,Europe/Lisbon,agent,,,2025-01-01,',
    'o1,otherco,porto,Europe/Lisbon,agent,,,2025-01-01,',
  ],
  access_events: [
    'event_id,agent_id,at,country,mfa,device_compliant,network',
    'e1,a1,2026-03-02T08:00:00Z,PT,true,true,corporate', // compliant
    'e2,a1,2026-03-03T08:00:00Z,PT,false,true,vpn', // no MFA
    'e3,a2,2026-03-04T01:00:00Z,PH,true,true,corporate', // compliant
    'e4,a2,2026-03-05T01:00:00Z,SG,yes,yes,public', // compliant unless countries are limited
    'e5,a4,2026-03-06T01:00:00Z,ph,true,false,vpn', // non-compliant device
    'e6,a5,2026-03-31T23:30:00Z,PT,true,true,corporate', // 1 April 00:30 in Lisbon: after the period
    'e7,o1,2026-03-07T08:00:00Z,PT,false,false,public', // another vendor
    'e8,zz,2026-03-08T08:00:00Z,PT,true,true,corporate', // not in the roster: out of any scope
  ],
  incidents: [
    'incident_id,vendor,site,category,severity,opened_at,acknowledged_at,resolved_at',
    // sev1 acknowledged in 10m, resolved in 3h: both in time
    'i1,brightpath,lisbon,security,sev1,2026-03-03T10:00:00Z,2026-03-03T10:10:00Z,2026-03-03T13:00:00Z',
    // sev1 acknowledged late (20m), resolved late (6h)
    'i2,brightpath,lisbon,outage,sev1,2026-03-05T10:00:00Z,2026-03-05T10:20:00Z,2026-03-05T16:00:00Z',
    // sev2 acknowledged in 45m, resolved after 25h (late)
    'i3,brightpath,manila,data,sev2,2026-03-10T08:00:00Z,2026-03-10T08:45:00Z,2026-03-11T09:00:00Z',
    // sev3: no limit, never counted
    'i4,brightpath,manila,access,sev3,2026-03-12T08:00:00Z,2026-03-14T08:00:00Z,',
    // sev2 opened 30 min before the period ends, never acknowledged nor resolved:
    // acknowledge deadline 23:30Z, resolve deadline 1 April 22:30Z
    'i5,brightpath,manila,security,sev2,2026-03-31T22:30:00Z,,',
    // 1 April 00:10 in Lisbon: next period
    'i6,brightpath,lisbon,security,sev1,2026-03-31T23:10:00Z,2026-03-31T23:11:00Z,2026-03-31T23:50:00Z',
    // 28 February: previous period
    'i7,brightpath,lisbon,security,sev1,2026-02-28T23:50:00Z,2026-03-01T01:00:00Z,2026-03-01T09:00:00Z',
    // exactly at the limits (15m, 4h): in time
    'i9,brightpath,lisbon,security,sev1,2026-03-20T10:00:00Z,2026-03-20T10:15:00+00:00,2026-03-20T14:00:00Z',
    'i8,otherco,porto,security,sev1,2026-03-04T00:00:00Z,2026-03-04T00:30:00Z,2026-03-04T01:00:00Z',
  ],
};

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
  for (const [dataset, lines] of Object.entries(DATA)) {
    const file = writeText(dir, `${dataset}.csv`, `${lines.join('\n')}\n`);
    const summary = await importFile(store, dataset as DatasetName, file, { tenant: 'default' });
    expect(summary.rejected, dataset).toBe(0);
  }
});

const BASE: QueryOptions = {
  metrics: [],
  tenant: 'default',
  period: '2026-03',
  zone: 'Europe/Lisbon',
  where: { vendor: ['brightpath'] },
  by: [],
  params: {},
  minN: 1,
  asOf: '2026-12-01T00:00:00Z',
};

const query = (metric: string, options: Partial<QueryOptions> = {}) =>
  runQuery(store, { ...BASE, metrics: [metric], ...options });

async function one(metric: string, options: Partial<QueryOptions> = {}): Promise<MetricResult> {
  const results = await query(metric, options);
  expect(results).toHaveLength(1);
  return results[0] as MetricResult;
}

const byKey = async (metric: string, by: 'site' | 'agent', options: Partial<QueryOptions> = {}) =>
  Object.fromEntries(
    (await query(metric, { by: [by], ...options })).map((r) => [r.group[by], { value: r.value, n: r.n }]),
  );

describe('access_compliance', () => {
  // brightpath logins in March: e1 ok, e2 no MFA, e3 ok, e4 ok (any country), e5 device.
  it('counts logins with MFA and a compliant device from any country by default', async () => {
    expect(await one('access_compliance')).toMatchObject({ value: 3 / 5, n: 5, unit: 'share' });
  });

  it('limits countries when allowedCountries is given as CLI text (e4 from SG fails; ph is PH)', async () => {
    expect(await one('access_compliance', { params: { allowedCountries: 'PT,PH' } })).toMatchObject({
      value: 2 / 5,
      n: 5,
    });
    expect(await one('access_compliance', { params: { allowedCountries: 'pt' } })).toMatchObject({
      value: 1 / 5,
      n: 5,
    });
  });

  it('drops the MFA or device rule when it is not required', async () => {
    expect(await one('access_compliance', { params: { mfaRequired: 'false' } })).toMatchObject({
      value: 4 / 5,
    });
    expect(
      await one('access_compliance', { params: { mfaRequired: 'false', compliantDeviceRequired: 'no' } }),
    ).toMatchObject({ value: 5 / 5, n: 5 });
  });

  it('breaks down by site and agent through the roster', async () => {
    expect(await byKey('access_compliance', 'site')).toEqual({
      lisbon: { value: 1 / 2, n: 2 },
      manila: { value: 2 / 3, n: 3 },
    });
    expect(await byKey('access_compliance', 'agent')).toEqual({
      a1: { value: 1 / 2, n: 2 },
      a2: { value: 1, n: 2 },
      a4: { value: 0, n: 1 },
    });
  });

  it('without a vendor filter adds otherco (e7 fails) but never ids missing from the roster', async () => {
    expect(await one('access_compliance', { where: {} })).toMatchObject({ value: 3 / 6, n: 6 });
  });

  it('refuses a dimension the roster does not have', async () => {
    await expect(query('access_compliance', { by: ['channel'] })).rejects.toThrow(/cannot be filtered/);
  });
});

describe('incident_ack_sla', () => {
  // Opened in March with a limit: i1 (10m ok), i2 (20m late), i3 (45m of 1h ok),
  // i5 (never acknowledged; its deadline 23:30Z passed by E = end + 1h), i9 (exactly 15m ok).
  it('is incidents acknowledged within their severity limit over those due', async () => {
    expect(await one('incident_ack_sla')).toMatchObject({ value: 3 / 5, n: 5, matured: true });
  });

  it('breaks down by the incident site: lisbon i1, i2, i9; manila i3, i5', async () => {
    expect(await byKey('incident_ack_sla', 'site')).toEqual({
      lisbon: { value: 2 / 3, n: 3 },
      manila: { value: 1 / 2, n: 2 },
    });
  });

  // As of 23:20Z on 31 March, i5's acknowledge deadline (23:30Z) has not passed: not yet due.
  it('leaves out an incident whose deadline has not passed as of an early asOf', async () => {
    expect(await one('incident_ack_sla', { asOf: '2026-03-31T23:20:00Z' })).toMatchObject({
      value: 3 / 4,
      n: 4,
      matured: false,
    });
  });

  // As of 5 March 10:18Z: i1 is acknowledged in time; i2 (opened 10:00) is not yet
  // acknowledged (that happens at 10:20) but its deadline 10:15 has passed: due and missed.
  // Incidents opened later in March are neither done nor past their deadline: not due.
  it('counts an incident once its deadline has passed even if acknowledged later', async () => {
    expect(await one('incident_ack_sla', { asOf: '2026-03-05T10:18:00Z' })).toMatchObject({
      value: 1 / 2,
      n: 2,
    });
    // at 10:14 i2 is not yet due
    expect(await one('incident_ack_sla', { asOf: '2026-03-05T10:14:00Z' })).toMatchObject({
      value: 1,
      n: 1,
    });
  });

  it('includes every vendor without a filter (i8 acknowledged after 30m: late)', async () => {
    expect(await one('incident_ack_sla', { where: {} })).toMatchObject({ value: 3 / 6, n: 6 });
  });
});

describe('incident_resolve_sla', () => {
  // i1 3h of 4h ok, i2 6h late, i3 25h of 24h late, i5 unresolved (deadline 1 April 22:30Z,
  // passed by E = end + 24h = 1 April 23:00Z), i9 exactly 4h ok.
  it('is incidents resolved within their severity limit over those due', async () => {
    expect(await one('incident_resolve_sla')).toMatchObject({ value: 2 / 5, n: 5 });
  });

  it('judges each severity as of the period end plus its own limit', async () => {
    // As of 1 April 22:00Z: i5's resolve deadline (22:30Z) has not passed.
    expect(await one('incident_resolve_sla', { asOf: '2026-04-01T22:00:00Z' })).toMatchObject({
      value: 2 / 4,
      n: 4,
      matured: false,
    });
  });

  it('answers n = 0 for a period without incidents', async () => {
    expect(await one('incident_resolve_sla', { period: '2026-05' })).toMatchObject({ value: null, n: 0 });
  });
});
