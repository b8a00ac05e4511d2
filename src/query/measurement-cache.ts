import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileMetrics } from '../core/metric/compile.js';
import type { Scope } from '../core/metric/scope.js';
import type { Dialect } from '../core/sql/dialect.js';
import type { Sql } from '../core/sql/fragment.js';
import { sessionScopeNow } from '../store/session-context.js';
import type { Executor, Store } from '../store/store.js';
import { histogramOf, histogramStatement, restoreSample } from './bootstrap-intervals.js';
import { dataVersion, readAllEntries, readEntries, writeEntries } from './measurement-cache-sql.js';
import { reportMeasurements, underlyingStore } from './report-memo.js';
import type { ResolvedRequest } from './resolve-requests.js';
import type { Measured } from './run-metrics.js';

/**
 * Persisted measurements (docs/scaling.md, "Persisted measurements"): inside a contract's
 * page (withMeasurementCache: the scorecard, overview, settlement, what-if basis and the
 * warm after an import) a scope's measurement is read from `measurement_cache` when one
 * was stored for the tenant's current data version under the same key, and stored when
 * computed. The key is a hash of what the result depends on: the metrics and their
 * parameters, the scope without its as-of, every statement the measurement would run (so
 * a custom metric's definition, a filter, a window, an as-of a deadline reads: anything
 * that changes the SQL changes the key), whether intervals are drawn, the schema version
 * and this code's version. Vendors' sessions never use it (sessionScopeNow).
 */

/** Bump when what turns rows into results (finish, estimate, bootstrap) changes without the SQL changing. */
const CODE_VERSION = 1;
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const inPage = new AsyncLocalStorage<boolean>();
let enabled = process.env.COVENANT_MEASUREMENT_CACHE !== 'off';

/** Runs fn with its measurements read through the persisted cache. */
export const withMeasurementCache = <T>(fn: () => Promise<T>): Promise<T> => inPage.run(true, fn);

/** Off: every measurement computed (tests comparing with a fresh computation; COVENANT_MEASUREMENT_CACHE=off). */
export function setMeasurementCache(on: boolean): void {
  enabled = on;
}

type Compute = (scopes: Scope[]) => Promise<Measured[][]>;

/** measurePeriods' scopes through the cache: stored ones read, the others computed and stored (best effort). */
export async function measureThroughCache(
  store: Store,
  requests: ResolvedRequest[],
  scopes: Scope[],
  intervals: boolean,
  explaining: boolean,
  compute: Compute,
): Promise<Measured[][]> {
  const tenant = usableFor(scopes, explaining);
  if (tenant === null) return compute(scopes);
  let prepared: { version: number; keys: (string | null)[]; found: Map<string, string> };
  try {
    prepared = await reading(store, async (db) => {
      const { batch, schema } = await dataVersion(db, tenant);
      const keys = scopes.map((scope) => cacheKey(store.dialect, requests, scope, intervals, schema));
      const asked = keys.filter((k): k is string => k !== null);
      const found =
        asked.length > 0 ? await lookup(store, db, tenant, batch, asked) : new Map<string, string>();
      return { version: batch, keys, found };
    });
  } catch {
    // No table yet, or a store that cannot say: measured as if there were no cache.
    return compute(scopes);
  }
  const { version, keys, found } = prepared;
  const results: (Measured[] | undefined)[] = keys.map((key) => {
    const text = key === null ? undefined : found.get(key);
    return text === undefined ? undefined : decodeOrMiss(text, requests);
  });
  const missing = results.flatMap((r, i) => (r === undefined ? [i] : []));
  if (missing.length > 0) {
    const fresh = await compute(missing.map((i) => scopes[i] as Scope));
    const entries = missing.flatMap((i, j) => {
      results[i] = fresh[j] ?? [];
      const key = keys[i];
      return key ? [{ key, result: encode(results[i] as Measured[]) }] : [];
    });
    await save(store, tenant, version, entries);
  }
  return results as Measured[][];
}

/**
 * Where a failed statement aborts the session's transaction (PostgreSQL), the reads run in
 * a savepoint of it, so a failure costs only the cache; DuckDB reads in place (and the
 * report's store answers a repeated read from memory).
 */
const reading = <T>(store: Store, fn: (db: Executor) => Promise<T>): Promise<T> =>
  store.dialect.rowLevelSecurity ? underlyingStore(store).transaction(fn) : fn(store);

/**
 * A report (the scorecard: some forty lookups) reads every entry of the tenant's version
 * once, into memory kept with the report's store and dropped with it; other pages read by
 * key. Past a few thousand entries (many contracts) the report reads by key too.
 */
const preloaded = new WeakMap<Store, Map<string, Promise<Map<string, string> | null>>>();
const PRELOAD_LIMIT = 5000;

async function lookup(
  store: Store,
  db: Executor,
  tenant: string,
  version: number,
  keys: string[],
): Promise<Map<string, string>> {
  if (reportMeasurements(store)) {
    const byVersion = preloaded.get(store) ?? new Map<string, Promise<Map<string, string> | null>>();
    preloaded.set(store, byVersion);
    const at = `${tenant}\u0000${version}`;
    let all = byVersion.get(at);
    if (!all) {
      all = readAllEntries(db, tenant, version, PRELOAD_LIMIT).catch(() => null);
      byVersion.set(at, all);
    }
    const entries = await all;
    if (entries) return entries;
  }
  return readEntries(db, tenant, version, keys);
}

/** Stored, best effort: a failed write (a read-only role, a concurrent writer) leaves the answer as computed. */
async function save(
  store: Store,
  tenant: string,
  version: number,
  entries: { key: string; result: string }[],
): Promise<void> {
  await writeEntries(store, tenant, version, entries).catch(() => undefined);
  const kept = await preloaded.get(store)?.get(`${tenant}\u0000${version}`);
  for (const e of entries) kept?.set(e.key, e.result);
}

/** The tenant when the cache may serve these scopes here; null to compute them. */
function usableFor(scopes: Scope[], explaining: boolean): string | null {
  // --explain shows the statements a measurement runs: it runs them.
  if (explaining || scopes.length === 0) return null;
  const tenant = (scopes[0] as Scope).tenant;
  if (scopes.some((s) => s.tenant !== tenant)) return null;
  return usableHere(tenant) ? tenant : null;
}

function usableHere(tenant: string): boolean {
  if (!enabled || !inPage.getStore()) return false;
  // The client's sessions (and the owner's, outside any): an entry is computed with the
  // client's view of the tenant's rows, so a vendor's session neither reads nor writes one.
  const session = sessionScopeNow();
  return !session || (session.vendor === undefined && session.tenant === tenant);
}

/**
 * The rows of one statement over the tenant's datasets (and nothing else: only imports may
 * change what it reads), kept like a measurement: the base units of a settlement part, a
 * value metric's counts. Keyed by the statement and its bound values.
 */
export async function persistedRows<T>(store: Store, tenant: string, statement: Sql): Promise<T[]> {
  if (!usableHere(tenant)) return store.query<T>(statement);
  let prepared: { version: number; key: string; text: string | undefined };
  try {
    prepared = await reading(store, async (db) => {
      const { batch, schema } = await dataVersion(db, tenant);
      const key = digest({
        code: [CODE_VERSION, PACKAGE_VERSION, schema],
        rows: [statement.text, statement.params],
      });
      return { version: batch, key, text: (await lookup(store, db, tenant, batch, [key])).get(key) };
    });
  } catch {
    return store.query<T>(statement);
  }
  if (prepared.text !== undefined) return JSON.parse(prepared.text, readNumbers) as T[];
  const rows = await store.query<T>(statement);
  const entry = { key: prepared.key, result: JSON.stringify(rows, keepNumbers) };
  await save(store, tenant, prepared.version, [entry]);
  return rows;
}

/** An as-of beyond every deadline: a statement that reads the as-of is then as it will stay. */
const SETTLED = '2999-12-31T00:00:00Z';

/**
 * A stable hash of everything a scope's measurement depends on besides the data (versioned
 * apart), or null while its value may still change with the clock alone: a deadline not
 * yet passed (incidents' limits, backfill days) puts the as-of in its SQL, and such a
 * measurement is computed each time, never kept.
 */
export function cacheKey(
  dialect: Dialect,
  requests: ResolvedRequest[],
  scope: Scope,
  intervals: boolean,
  schema: number,
): string | null {
  const key = hashOf(dialect, requests, scope, intervals, schema);
  return key === hashOf(dialect, requests, { ...scope, asOf: SETTLED }, intervals, schema) ? key : null;
}

function hashOf(
  dialect: Dialect,
  requests: ResolvedRequest[],
  scope: Scope,
  intervals: boolean,
  schema: number,
): string {
  const { asOf: _asOf, ...where } = scope;
  const statements = [
    ...compileMetrics(requests, scope, dialect).map((q) => q.statement),
    ...(intervals ? requests.map((r) => histogramStatement(dialect, r, scope)) : []),
  ].map((s) => (s ? [s.text, s.params] : null));
  return digest({
    code: [CODE_VERSION, PACKAGE_VERSION, schema],
    metrics: requests.map((r) => [r.info.id, r.params]),
    scope: where,
    intervals,
    statements,
  });
}

const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v)))
    .digest('hex');

/** JSON with the numbers JSON has no text for (NaN, infinities, -0) kept. */
const NUMBER = '$number';
const keepNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? { [NUMBER]: Object.is(value, -0) ? '-0' : String(value) }
    : value;
const readNumbers = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && NUMBER in value
    ? Number((value as Record<string, string>)[NUMBER])
    : value;

/** A sample holds functions: its histogram rows are kept instead, and the sample made again on read. */
export const encode = (measured: Measured[]): string =>
  JSON.stringify(
    measured.map((m) => ({ ...m, sample: undefined, histogram: histogramOf(m) })),
    keepNumbers,
  );

/** An entry that does not read (written by another code version's bug) is a miss, never a failure. */
function decodeOrMiss(text: string, requests: ResolvedRequest[]): Measured[] | undefined {
  try {
    return decode(text, requests);
  } catch {
    return undefined;
  }
}

export function decode(text: string, requests: ResolvedRequest[]): Measured[] {
  const kept = JSON.parse(text, readNumbers) as (Measured & { histogram?: Record<string, unknown>[] })[];
  return kept.map(({ histogram, ...m }) => {
    const request = requests[m.request];
    if (histogram && request) restoreSample(m, request.plan, histogram);
    return m;
  });
}
