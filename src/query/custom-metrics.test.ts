import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { MARCH_QUERY } from '../test-support/metric-store.js';
import { withWindows } from '../test-support/text-query.js';
import { applyMetric, listMetrics, parseCustomMetric, removeMetric } from './custom-metric-store.js';
import { runQuery } from './run-query.js';
import { interactionsCsv, MARCH } from './test-data.js';

const SHARE = `apiVersion: covenant/v1
kind: Metric
metadata:
  name: human_resolution
spec:
  label: { singular: human resolution rate, plural: human resolution rates }
  description: handled contacts on the human path that were resolved
  dataset: interactions
  type: share
  where: "not abandoned and path = 'human'"
  numerator: resolved
  direction: higher
`;

const MEAN = `apiVersion: covenant/v1
kind: Metric
metadata:
  name: time_to_serve
spec:
  label: { singular: time to serve, plural: times to serve }
  description: queue plus handle time of handled contacts longer than a floor
  dataset: interactions
  type: mean
  where: "not abandoned and handle_seconds >= floor"
  value: queue_seconds + handle_seconds
  direction: lower
  unit: seconds
  params:
    floor: { type: number, default: 0, description: 'shortest handle time counted, in seconds' }
`;

/** Two-sided 95% Student t quantiles by degrees of freedom (statistical tables). */
const T975: Record<number, number> = {
  1: 12.706204736,
  2: 4.30265273,
  3: 3.182446305,
  4: 2.776445105,
  5: 2.570581836,
  6: 2.446911851,
  7: 2.364624252,
  8: 2.306004135,
  9: 2.262157163,
  10: 2.228138852,
  11: 2.20098516,
  12: 2.17881283,
};
const Z = 1.959963984540054;

/** March 2026 in Europe/Lisbon: 00:00 WET on the 1st to 00:00 WEST on 1 April, brightpath only. */
const inMarch = MARCH.filter(
  (r) =>
    r.at >= '2026-03-01T00:00:00Z' &&
    r.at < '2026-03-31T23:00:00Z' &&
    (r.vendor ?? 'brightpath') === 'brightpath',
);
const field = (r: (typeof MARCH)[number], name: string, fallback: string) => r[name] ?? fallback;

function wilson(k: number, n: number): [number, number] {
  const p = k / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return [centre - half, centre + half];
}

function tInterval(values: number[]): [number, number, number] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 1] as number) * (sd / Math.sqrt(n));
  return [mean, mean - half, mean + half];
}

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
  const dir = tempDir();
  await importFile(store, 'interactions', writeText(dir, 'march.csv', interactionsCsv(MARCH)), {
    tenant: 'default',
  });
  for (const text of [SHARE, MEAN]) {
    const parsed = parseCustomMetric(text, 'metric.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await applyMetric(store, 'default', parsed.value);
  }
});

describe('custom metrics applied and queried', () => {
  it('a share gives the value, n and Wilson interval an independent count gives', async () => {
    const population = inMarch.filter(
      (r) => field(r, 'abandoned', 'false') === 'false' && field(r, 'path', 'human') === 'human',
    );
    const k = population.filter((r) => field(r, 'resolved', 'true') === 'true').length;
    const n = population.length;
    expect(n).toBeGreaterThan(5);
    const [result] = await runQuery(store, withWindows({ ...MARCH_QUERY, metrics: ['human_resolution'] }));
    const [low, high] = wilson(k, n);
    expect(result).toMatchObject({ metric: 'human_resolution', n, unit: 'share', direction: 'higher' });
    expect(result?.value).toBeCloseTo(k / n, 12);
    expect(result?.low).toBeCloseTo(low, 9);
    expect(result?.high).toBeCloseTo(high, 9);
  });

  it('a mean gives the value, n and Student t interval an independent calculation gives, with its parameter', async () => {
    const ns: number[] = [];
    for (const floor of [0, 150]) {
      const values = inMarch
        .filter((r) => field(r, 'abandoned', 'false') === 'false' && r.handle_seconds !== undefined)
        .filter((r) => Number(r.handle_seconds) >= floor && r.queue_seconds !== undefined)
        .map((r) => Number(r.queue_seconds) + Number(r.handle_seconds));
      const [mean, low, high] = tInterval(values);
      const [result] = await runQuery(
        store,
        withWindows({
          ...MARCH_QUERY,
          metrics: ['time_to_serve'],
          params: floor === 0 ? {} : { floor: String(floor) },
        }),
      );
      expect(result?.n).toBe(values.length);
      ns.push(values.length);
      expect(result?.value).toBeCloseTo(mean, 9);
      // The table's quantiles carry 9 decimals: bounds of ~100 s agree to 1e-5.
      expect(result?.low).toBeCloseTo(low, 5);
      expect(result?.high).toBeCloseTo(high, 5);
      expect(result?.high).not.toBe(result?.low);
    }
    expect(ns[1]).toBeLessThan(ns[0] as number);
  });

  it('lists, replaces and removes a tenant’s metrics; another tenant does not see them', async () => {
    expect((await listMetrics(store, 'default')).map((m) => m.id)).toEqual([
      'human_resolution',
      'time_to_serve',
    ]);
    expect(await listMetrics(store, 'other')).toEqual([]);
    await expect(
      runQuery(store, withWindows({ ...MARCH_QUERY, tenant: 'other', metrics: ['time_to_serve'] })),
    ).rejects.toThrow(/unknown metric time_to_serve/);
    const parsed = parseCustomMetric(SHARE, 'metric.yaml');
    if (!parsed.ok) throw new Error('parse');
    expect(await applyMetric(store, 'default', parsed.value)).toBe('updated');
    await removeMetric(store, 'default', 'time_to_serve');
    expect((await listMetrics(store, 'default')).map((m) => m.id)).toEqual(['human_resolution']);
  });

  it('a metric over a dataset keyed by agent is scoped by the agent’s vendor and site', async () => {
    const dir = tempDir();
    const agents = [
      'agent_id,vendor,site,timezone,role,hired_at',
      'a1,brightpath,lisbon,Europe/Lisbon,agent,2025-01-01',
      'a2,coastline,cape-town,Africa/Johannesburg,agent,2025-01-01',
    ];
    const sessions = [
      'session_id,agent_id,coach_id,held_at,mode,minutes',
      's1,a1,c1,2026-03-02T10:00:00Z,video,30',
      's2,a1,c1,2026-03-09T10:00:00Z,in_person,50',
      's3,a2,c2,2026-03-03T10:00:00Z,video,20',
    ];
    await importFile(store, 'agents', writeText(dir, 'agents.csv', agents.join('\n')), { tenant: 'default' });
    await importFile(store, 'coaching_sessions', writeText(dir, 'sessions.csv', sessions.join('\n')), {
      tenant: 'default',
    });
    const parsed = parseCustomMetric(
      `apiVersion: covenant/v1
kind: Metric
metadata: { name: video_coaching_minutes }
spec:
  label: { singular: video coaching minutes, plural: video coaching minutes }
  description: mean minutes of a coaching session, video sessions counted double
  dataset: coaching_sessions
  type: mean
  value: "if(mode = 'video', minutes * 2, minutes)"
  direction: higher
  unit: count
`,
      'm.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await applyMetric(store, 'default', parsed.value);
    const [brightpath] = await runQuery(
      store,
      withWindows({ ...MARCH_QUERY, metrics: ['video_coaching_minutes'] }),
    );
    expect(brightpath).toMatchObject({ n: 2, value: (60 + 50) / 2 });
    const bySite = await runQuery(
      store,
      withWindows({
        ...MARCH_QUERY,
        where: {},
        by: ['site'],
        metrics: ['video_coaching_minutes'],
      }),
    );
    expect(bySite.map((r) => [r.group.site, r.value, r.n])).toEqual([
      ['cape-town', 40, 1],
      ['lisbon', 55, 2],
    ]);
  });

  it('a ratio gives Σ numerator / Σ denominator with a seeded bootstrap interval around it', async () => {
    const parsed = parseCustomMetric(
      `apiVersion: covenant/v1
kind: Metric
metadata: { name: queue_share_of_time }
spec:
  label: { singular: queue share of time, plural: queue shares of time }
  description: waiting time over waiting plus handling time, handled contacts
  dataset: interactions
  type: ratio
  where: "not abandoned and not is_blank(handle_seconds) and not is_blank(queue_seconds)"
  numerator: queue_seconds
  denominator: queue_seconds + handle_seconds
  direction: lower
  unit: ratio
`,
      'm.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await applyMetric(store, 'default', parsed.value);
    const rows = inMarch.filter(
      (r) =>
        field(r, 'abandoned', 'false') === 'false' &&
        r.handle_seconds !== undefined &&
        r.queue_seconds !== undefined,
    );
    const queue = rows.reduce((sum, r) => sum + Number(r.queue_seconds), 0);
    const total = rows.reduce((sum, r) => sum + Number(r.queue_seconds) + Number(r.handle_seconds), 0);
    const [first] = await runQuery(store, withWindows({ ...MARCH_QUERY, metrics: ['queue_share_of_time'] }));
    const [again] = await runQuery(store, withWindows({ ...MARCH_QUERY, metrics: ['queue_share_of_time'] }));
    expect(first?.n).toBe(rows.length);
    expect(first?.value).toBeCloseTo(queue / total, 12);
    expect(first?.low).toBeLessThan(first?.value as number);
    expect(first?.high).toBeGreaterThan(first?.value as number);
    expect([again?.low, again?.high]).toEqual([first?.low, first?.high]);
  });
});
