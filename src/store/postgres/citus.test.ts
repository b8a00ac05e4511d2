import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVersions } from '../../contracts/contract-store.js';
import { contractOverview } from '../../contracts/overview.js';
import { valueMetrics } from '../../contracts/value-metrics.js';
import { versionsInForce } from '../../contracts/versions-in-force.js';
import { METRIC_CATALOG } from '../../core/metric/catalog.js';
import { METRIC_PLANS } from '../../core/metric/plans.js';
import type { MetricResult } from '../../core/metric/types.js';
import { raw, type Sql, sql } from '../../core/sql/fragment.js';
import { loadDemo } from '../../demo/load-demo.js';
import { importFile } from '../../ingest/import-file.js';
import { runQuery } from '../../query/run-query.js';
import { interactionsCsv, MARCH } from '../../query/test-data.js';
import { memoryStore, tempDir } from '../../test-support/fixtures.js';
import { windowIn } from '../../test-support/text-query.js';
import { expectSame } from '../conformance/same-results.js';
import { migrate } from '../migrations/migrate.js';
import type { Row, Store } from '../store.js';
import { REFERENCE_TABLES } from './distribution.js';
import { PostgresStore } from './postgres-store.js';
import { grantApplicationRole } from './roles.js';
import { openCitusTestStore } from './test-support/citus-server.js';

/**
 * The store on a real Citus cluster (a coordinator and two workers the test run starts):
 * the migrations distribute the schema by themselves, the demo's numbers equal DuckDB's,
 * two tenants land on different workers, and every query the engine runs for one tenant
 * is a router query (one shard), as EXPLAIN on the coordinator shows.
 */
let store: PostgresStore;
let reference: Store;
let drop: () => Promise<void>;
let appUrl = '';
const TENANT = 'northwind';
/** As `covenant demo` loads it (the parties' Q3 decisions played: BrightPath's Q4 is on version 2). */
const DEMO = { scale: 0.01, seed: 7 };
const AS_OF = '2026-12-01T00:00:00Z';

/** A tenant whose shard is on another worker than TENANT's. */
let other = '';

const workerOf = async (tenant: string) => {
  const [row] = await store.query<{ port: number }>(
    sql`SELECT p.nodeport AS port FROM pg_dist_shard_placement p
      WHERE p.shardid = get_shard_id_for_distribution_column('interactions', CAST(${tenant} AS TEXT))`,
  );
  return row?.port;
};

beforeAll(async () => {
  // The reference loads while the cluster starts and takes its load (the test's longest wait).
  const loaded = (async () => {
    reference = await memoryStore();
    await loadDemo(reference, { ...DEMO, tenant: TENANT });
  })();
  ({ store, drop, appUrl } = await openCitusTestStore());
  await loadDemo(store, { ...DEMO, tenant: TENANT });
  await loaded;
  const home = await workerOf(TENANT);
  for (let i = 0; !other && i < 50; i += 1)
    if ((await workerOf(`client-${i}`)) !== home) other = `client-${i}`;
  const file = join(tempDir(), 'march.csv');
  writeFileSync(file, interactionsCsv(MARCH));
  await importFile(store, 'interactions', file, { tenant: other });
}, 600_000);
afterAll(async () => {
  await reference?.close();
  await drop?.();
});

/** Every engine metric for the quarter, and by vendor; the value metrics of a contract. */
async function catalog(db: Store, tenant = TENANT): Promise<Record<string, MetricResult[]>> {
  const ask = (metrics: string[], by: string[] = []) =>
    runQuery(db, {
      metrics,
      tenant,
      periods: [windowIn('2026-Q2')],
      zone: 'Europe/Lisbon',
      where: {},
      by: by as never,
      params: {},
      minN: 1,
      asOf: AS_OF,
    });
  const engine = METRIC_CATALOG.filter((m) => METRIC_PLANS[m.id]).map((m) => m.id);
  const out: Record<string, MetricResult[]> = {};
  for (const r of await ask(engine, ['vendor'])) out[r.metric] = [...(out[r.metric] ?? []), r];
  out.value = await valueMetrics(db, {
    tenant,
    contractId: 'northwind-brightpath-2026',
    periods: [windowIn('2026-Q2')],
    metrics: ['cost_per_contact', 'cost_per_resolved_contact', 'value_per_contact'],
    asOf: AS_OF,
  });
  return out;
}

/** The catalog on Citus, computed once for the two tests that read it: its results and every statement it ran. */
let onCitus: Promise<{ results: Record<string, MetricResult[]>; statements: Sql[] }> | undefined;
function citusCatalog() {
  onCitus ??= (async () => {
    const statements: Sql[] = [];
    const recording: Store = Object.assign(Object.create(store) as Store, {
      query: <T = Row>(statement: Sql) => {
        statements.push(statement);
        return store.query<T>(statement);
      },
    });
    return { results: await catalog(recording), statements };
  })();
  return onCitus;
}

/** The contract overview's numbers (outcomes, key measurements, projected pay) for quarters on either side of the decisions. */
async function overviews(db: Store): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [contract, quarter] of [
    ['northwind-brightpath-2026', '2026-Q2'],
    ['northwind-brightpath-2026', '2026-Q4'],
    ['northwind-coastline-2026', '2026-Q3'],
  ] as const) {
    const window = windowIn(quarter);
    const own = await listVersions(db, TENANT, contract);
    const inForce = versionsInForce(own, window.startDate, window.endDate)[0]?.version ?? own.at(-1);
    if (!inForce) throw new Error(`no version of ${contract}`);
    out.push({ version: inForce.version, ...(await contractOverview(db, TENANT, inForce, window, AS_OF)) });
  }
  return JSON.parse(JSON.stringify(out));
}

describe('the store on Citus', () => {
  it('distributes every tenant table by tenant, co-located, and the shared table as a reference table; migrating again changes nothing', async () => {
    const tables = await store.query<{
      table: string;
      method: string;
      column: string | null;
      colocation: number;
    }>(
      raw(`SELECT c.relname AS table, p.partmethod AS method,
          CASE WHEN p.partmethod = 'h' THEN column_to_column_name(p.logicalrelid, p.partkey) END AS column,
          p.colocationid AS colocation
        FROM pg_class c LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
        WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1`),
    );
    const anchor = tables.find((t) => t.table === 'interactions');
    expect(anchor).toMatchObject({ method: 'h', column: 'tenant' });
    expect(
      tables.filter(
        (t) =>
          !REFERENCE_TABLES.includes(t.table) &&
          !(t.method === 'h' && t.column === 'tenant' && t.colocation === anchor?.colocation),
      ),
    ).toEqual([]);
    // The server-wide tables (schema_migrations, tenants, the e-mail directory, setup links) are copied to every node.
    for (const shared of REFERENCE_TABLES)
      expect(
        tables.find((t) => t.table === shared),
        shared,
      ).toMatchObject({ method: 'n' });
    expect(tables.length).toBeGreaterThan(15);
    expect(await migrate(store)).toEqual([]);
    const triggers = await store.query(
      raw("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'interactions'::regclass"),
    );
    expect(triggers).toEqual([]);
    // The application's role (not the owner) opens the distributed store and is bound by the policies on the workers.
    await grantApplicationRole(store, 'covenant_app');
    const app = await PostgresStore.open(appUrl);
    try {
      expect(await app.query(raw('SELECT count(*) AS n FROM interactions'))).toEqual([{ n: 0 }]);
      const vendors = await app.withSession({ tenant: TENANT, vendor: 'coastline' }, (s) =>
        s.query(raw('SELECT DISTINCT vendor FROM interactions')),
      );
      expect(vendors).toEqual([{ vendor: 'coastline' }]);
    } finally {
      await app.close();
    }
  });

  it("gives the demo's numbers DuckDB gives, client and vendor alike", async () => {
    const { results: ours } = await citusCatalog();
    expectSame(ours, await catalog(reference));
    expect(ours.fcr?.length).toBeGreaterThan(1);
    const asVendor = await store.withSession({ tenant: TENANT, vendor: 'brightpath' }, async (s) => {
      const [fcr] = await runQuery(s, {
        metrics: ['fcr', 'retention_90d'],
        tenant: TENANT,
        periods: [windowIn('2026-Q2')],
        zone: 'Europe/Lisbon',
        where: { vendor: ['brightpath'] },
        by: [],
        params: {},
        minN: 1,
        asOf: AS_OF,
      });
      return fcr;
    });
    expect(asVendor).toMatchObject({ value: ours.fcr?.find((r) => r.group.vendor === 'brightpath')?.value });
  }, 300_000);

  it("gives the contract overview's numbers DuckDB gives, on the terms in force before and after the decisions", async () => {
    const ours = await overviews(store);
    expectSame(ours, await overviews(reference));
    expect(ours.map((o) => (o as { version: number }).version)).toEqual([1, 2, 1]);
  }, 300_000);

  it('keeps two tenants on different workers when the shards say so', async () => {
    expect(other).not.toBe('');
    expect(await workerOf(other)).not.toBe(await workerOf(TENANT));
    const count = async (tenant: string) =>
      (
        await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM interactions WHERE tenant = ${tenant}`)
      )[0]?.n;
    expect([await count(other), (await count(TENANT)) ?? 0]).toEqual([MARCH.length, expect.any(Number)]);
  });

  it('runs every query of the engine for one tenant as a router query (one shard)', async () => {
    const { statements } = await citusCatalog();
    expect(statements.length).toBeGreaterThan(10);
    const tasks: string[] = [];
    const distributed: string[] = [];
    for (const statement of statements) {
      const plan = await store.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN ${statement.text}`,
        params: statement.params,
      });
      const lines = plan.map((r) => r['QUERY PLAN']);
      if (!lines.some((l) => /Custom Scan \(Citus/.test(l))) continue;
      distributed.push(statement.text);
      tasks.push(
        ...lines
          .filter((l) => /Task Count: /.test(l))
          .map((l) => `${l.trim()} in ${statement.text.slice(0, 80)}`),
      );
    }
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.filter((t) => !t.startsWith('Task Count: 1 '))).toEqual([]);
    // Among them the operations metrics' (schedules against agent states), by the columns they answer.
    for (const answer of ['matched_seconds', 'scheduled_work_seconds', 'busy_seconds'])
      expect(distributed.filter((text) => text.includes(` AS ${answer}`)).length, answer).toBeGreaterThan(0);
  }, 300_000);
});
