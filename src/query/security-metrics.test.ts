import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { SECURITY_DATA } from '../test-support/metric-data.js';
import { marchQueries, storeWith } from '../test-support/metric-store.js';
import type { TextQuery } from '../test-support/text-query.js';

/** SECURITY_DATA: March 2026 in Europe/Lisbon (see src/test-support/metric-data.ts). */

let store: Store;
beforeAll(async () => {
  store = await storeWith(SECURITY_DATA);
});

const { query, one } = marchQueries(() => store);

const byKey = async (metric: string, by: 'site' | 'agent', options: Partial<TextQuery> = {}) =>
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
