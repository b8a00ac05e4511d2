import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeVersion } from '../contracts/contract-store.js';
import { recalibrate } from '../contracts/recalibrate.js';
import { parseContract } from '../core/contract/parse-contract.js';
import { sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { applyMetric, parseCustomMetric } from '../query/custom-metric-store.js';
import type { Store } from '../store/store.js';
import { memoryStore, REPO_ROOT } from '../test-support/fixtures.js';
import { createApp } from './app.js';
import { addUser } from './auth/users.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

/**
 * The isolation matrix, generated from /api/openapi.json: every route, as every role, with
 * the ids of what the role may not see (the other vendor's, and another tenant's) in its
 * path, and the same in its filters and body. A route with a foreign id answers 403 or
 * 404; no answer carries a foreign value the request did not itself send. A new route is
 * in the matrix as soon as it is in the OpenAPI document.
 */
const TENANT = 'default';
let store: Store;
let app: ReturnType<typeof createApp>;

/** What each party owns, by kind: the values another party must never be shown. */
interface Owned {
  contracts: string[];
  proposals: string[];
  words: string[];
}
let brightpath: Owned;
let coastline: Owned;
const otherTenant: Owned = {
  contracts: ['southwind-zenith-2026'],
  proposals: ['southwind-zenith-2026-r1'],
  words: ['Southwind Bank x Zenith', 'coo@southwind.example', 'zenith', 'zenith_first_contact'],
};
/** The demo tenant as the other tenant's admin must never see it: its vendors, contracts, users and own metric. */
let demoTenant: Owned;
const ZENITH_METRIC = `apiVersion: covenant/v1
kind: Metric
metadata: { name: zenith_first_contact }
spec:
  label: { singular: Zenith first contact, plural: Zenith first contacts }
  description: the other tenant's own metric
  dataset: interactions
  type: share
  where: "not abandoned"
  numerator: resolved
  direction: higher
`;

async function owned(vendor: string, contract: string): Promise<Owned> {
  const sites = await store.query<{ site: string }>(
    sql`SELECT site FROM sites WHERE tenant = ${TENANT} AND vendor = ${vendor}`,
  );
  const proposals = await store.query<{ proposal_id: string }>(
    sql`SELECT proposal_id FROM proposals WHERE tenant = ${TENANT} AND contract_id = ${contract}`,
  );
  const agents = await store.query<{ agent_id: string }>(
    sql`SELECT agent_id FROM agents WHERE tenant = ${TENANT} AND vendor = ${vendor} ORDER BY agent_id LIMIT 25`,
  );
  return {
    contracts: [contract],
    proposals: proposals.map((p) => p.proposal_id),
    words: [vendor, `ops@${vendor}.example`, ...sites.map((s) => s.site), ...agents.map((a) => a.agent_id)],
  };
}

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 3, tenant: TENANT, decisions: false });
  await createDemoUsers(store, TENANT);
  for (const id of ['northwind-brightpath-2026', 'northwind-coastline-2026'])
    await recalibrate(store, TENANT, id, { period: '2026-Q3', asOf: '2026-09-30T19:00:00Z' });
  // Another tenant in the same store: a contract and a user of its own.
  const source = readFileSync(resolve(REPO_ROOT, 'contracts', 'northwind-coastline-2026.yaml'), 'utf8')
    .replaceAll('northwind-coastline-2026', 'southwind-zenith-2026')
    .replaceAll('Northwind Bank x Coastline BPO', 'Southwind Bank x Zenith')
    .replaceAll('Northwind', 'Southwind')
    .replaceAll('vendor: coastline', 'vendor: zenith')
    .replaceAll('client: northwind', 'client: southwind');
  const parsed = parseContract(source, 'southwind-zenith-2026.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await storeVersion(store, 'southwind', { contract: parsed.value, source, origin: 'test' });
  await addUser(store, 'southwind', {
    email: 'coo@southwind.example',
    name: 'Southwind COO',
    role: 'client_admin',
    organisation: 'southwind',
    password: 'southwind-2026',
  });
  const zenithMetric = parseCustomMetric(ZENITH_METRIC, 'zenith.yaml');
  if (!zenithMetric.ok) throw new Error('zenith metric');
  await applyMetric(store, 'southwind', zenithMetric.value);
  brightpath = await owned('brightpath', 'northwind-brightpath-2026');
  coastline = await owned('coastline', 'northwind-coastline-2026');
  const demoProposals = await store.query<{ proposal_id: string }>(
    sql`SELECT proposal_id FROM proposals WHERE tenant = ${TENANT}`,
  );
  demoTenant = merge(brightpath, coastline, {
    contracts: ['northwind-brightpath-2026', 'northwind-coastline-2026', 'northwind-brightpath-2027'],
    proposals: demoProposals.map((p) => p.proposal_id),
    words: ['coo@northwind.example', 'vendors@northwind.example', 'self_service_adoption', 'Northwind'],
  });
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 180_000);

const merge = (...parts: Owned[]): Owned => ({
  contracts: parts.flatMap((p) => p.contracts),
  proposals: parts.flatMap((p) => p.proposals),
  words: parts.flatMap((p) => p.words),
});

/** Every role, with what is foreign to it. */
const ROLES: { email: string; password: string; foreign: () => Owned }[] = [
  { email: 'coo@northwind.example', password: 'demo-coo-2026', foreign: () => otherTenant },
  { email: 'vendors@northwind.example', password: 'demo-viewer-2026', foreign: () => otherTenant },
  {
    email: 'ops@brightpath.example',
    password: 'demo-brightpath-2026',
    foreign: () => merge(coastline, otherTenant),
  },
  {
    email: 'lead.lisbon@brightpath.example',
    password: 'demo-lead-2026',
    foreign: () => merge(coastline, otherTenant),
  },
  {
    email: 'agent@brightpath.example',
    password: 'demo-agent-2026',
    foreign: () => merge(coastline, otherTenant),
  },
  {
    email: 'ops@coastline.example',
    password: 'demo-coastline-2026',
    foreign: () => merge(brightpath, otherTenant),
  },
  // The other tenant's admin, signed in to the same server: nothing of the demo tenant.
  { email: 'coo@southwind.example', password: 'southwind-2026', foreign: () => demoTenant },
];

interface Operation {
  method: string;
  path: string;
  query: string[];
  /** A body that passes the route's validation, from its request schema. */
  sample?: unknown;
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  anyOf?: JsonSchema[];
};

async function operations(): Promise<Operation[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; required?: boolean }[];
          requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        }
      >
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const schemas = doc.components?.schemas ?? {};
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      sample: sampleOf(op.requestBody?.content?.['application/json']?.schema, schemas),
    })),
  );
}

/**
 * A body that passes the route's own validation (the required fields, each a plain valid
 * value), so a route answers what it decides about the foreign id, not a 400 about the body.
 */
function sampleOf(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>, depth = 0): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.$ref) return sampleOf(schemas[schema.$ref.split('/').at(-1) ?? ''], schemas, depth + 1);
  if (schema.anyOf?.[0]) return sampleOf(schema.anyOf[0], schemas, depth + 1);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties)
    return Object.fromEntries(
      (schema.required ?? []).map((name) => [name, sampleOf(schema.properties?.[name], schemas, depth + 1)]),
    );
  if (type === 'array')
    return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, schemas, depth + 1));
  if (type === 'number' || type === 'integer') return Math.max(1, schema.minimum ?? 1);
  if (type === 'boolean') return true;
  return 'x';
}

/** Values for query parameters by name; unknown names get a period (the commonest). */
const QUERY_VALUES: Record<string, string> = {
  period: '2026-Q1',
  asOf: '2026-04-01',
  filename: 'x.csv',
  lang: 'en',
};

/** Foreign ids for a path parameter: by the collection it follows (contracts, proposals), else all of them. */
function idsFor(path: string, param: string, foreign: Owned): string[] {
  const before = path.split('/').at(path.split('/').indexOf(`{${param}}`) - 1);
  if (before === 'contracts') return foreign.contracts;
  if (before === 'proposals') return foreign.proposals;
  return [...foreign.contracts, ...foreign.proposals, ...foreign.words.slice(0, 2)];
}

/** A body that asks for the foreign things every way a body can (the query route's filters, a contract). */
const bodyFor = (foreign: Owned) => ({
  metrics: ['contacts', 'value_per_contact'],
  period: '2026-Q1',
  where: { vendor: [foreign.words[0]] },
  by: ['site'],
  contract: foreign.contracts[0],
});

function requests(
  op: Operation,
  foreign: Owned,
): { url: string; body?: unknown; sent: string[]; byId: boolean }[] {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const query = op.query
    .map((name) => `${name}=${encodeURIComponent(QUERY_VALUES[name] ?? '2026-Q1')}`)
    .join('&');
  const withQuery = (path: string) => (query ? `${path}?${query}` : path);
  const body =
    op.method === 'GET' ? undefined : { ...(op.sample as Record<string, unknown>), ...bodyFor(foreign) };
  const sentInBody = body ? [body.where.vendor[0] as string, body.contract as string] : [];
  if (params.length === 0) return [{ url: withQuery(op.path), body, sent: sentInBody, byId: false }];
  const [first] = params as [string];
  return idsFor(op.path, first, foreign).map((id) => {
    let path = op.path.replace(`{${first}}`, encodeURIComponent(id));
    // Later parameters name things inside the first (a message number, a file): plain valid values.
    for (const other of params.slice(1))
      path = path.replace(`{${other}}`, other === 'no' ? '1' : encodeURIComponent(id));
    return { url: withQuery(path), body, sent: [id, ...sentInBody], byId: true };
  });
}

/** Routes with no row of the matrix (documented or not), each with why it needs none. */
const UNDOCUMENTED: Record<string, string> = {
  'GET /api/health': 'open, answers {ok: true}',
  'GET /api/ready': 'open, answers whether the store answers',
  'GET /api/docs/:file': 'open, the reference page’s files by name',
  'GET /api/openapi.json': 'open, the document itself',
  'GET /api/docs': 'open, a static page',
  'POST /api/logout': 'ends the caller’s own session',
  'GET /api/data-version': 'a number, the same for everyone',
  'GET /api/events': 'the data version only (security.test.ts, live events)',
  'ALL /api/*': 'the 404 of unknown routes',
};

describe('the isolation matrix (every route x every role x foreign ids)', () => {
  it('has every API route in the OpenAPI document, or in the short list of routes that need no row', async () => {
    const documented = new Set(
      (await operations()).map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = app.routes
      .filter((r) => (r.path.startsWith('/api/') && r.method !== 'ALL' ? true : r.path === '/api/*'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r, i, all) => all.indexOf(r) === i);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/logout', 'GET /api/contracts/:id', 'POST /api/query']),
    );
    const missing = routes.filter((r) => !documented.has(r) && !(r in UNDOCUMENTED));
    expect(missing).toEqual([]);
  });

  it('answers foreign ids 403 or 404, and never shows a foreign value', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(15);
    const failures: string[] = [];
    let checked = 0;
    for (const role of ROLES) {
      const client = new TestClient(app);
      expect((await client.login(role.email, role.password)).status, role.email).toBe(200);
      const foreign = role.foreign();
      for (const op of ops) {
        // Signing in and out would change the role under test; the stream never ends.
        if (
          op.path === '/api/login' ||
          `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}` in UNDOCUMENTED
        )
          continue;
        for (const request of requests(op, foreign)) {
          const response = await client.send(op.method, request.url, request.body);
          const text = await response.text();
          checked += 1;
          const where = `${role.email} ${op.method} ${request.url}`;
          if (request.byId && ![403, 404].includes(response.status))
            failures.push(`${where}: ${response.status}, expected 403 or 404`);
          if (response.status >= 500) failures.push(`${where}: ${response.status}`);
          // What the request itself sent may come back (a 404 names the id asked for); nothing else may.
          const rest = request.sent.reduce((t, value) => t.split(value).join(''), text);
          const leaked = foreign.words
            .concat(foreign.contracts, foreign.proposals)
            .filter((v) => rest.includes(v));
          if (leaked.length > 0) {
            const at = rest.indexOf(leaked[0] as string);
            failures.push(
              `${where}: shows ${leaked.slice(0, 3).join(', ')} in …${rest.slice(Math.max(0, at - 120), at + 40)}…`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(ROLES.length * 15);
  }, 300_000);
});
