import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../core/dataset/types.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { createApp } from './app.js';
import { isOpen } from './auth/middleware.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';

/**
 * The OpenAPI document as integrators read it: it lints clean with Redocly's recommended
 * rules (plus operationId, tags defined, security defined as errors), every registered
 * route is in it, and every operation says who may call it and how it can be refused.
 */

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string }[];
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
}

/**
 * Problems the lint may report, each with why it is right to leave it (rule, JSON pointer).
 * Anything else fails the test.
 */
const JUSTIFIED: Record<string, string> = {
  // The package is private (package.json "private": true, no license field): no license to name.
  'info-license #/info': 'proprietary',
  // The probes, the document and its page answer every request (no session, no input):
  // no 4xx can happen, and declaring one would be false.
  'operation-4xx-response #/paths/~1api~1health/get/responses': 'always 200',
  'operation-4xx-response #/paths/~1api~1ready/get/responses': '200 or 503',
  'operation-4xx-response #/paths/~1api~1openapi.json/get/responses': 'always 200',
  'operation-4xx-response #/paths/~1api~1docs/get/responses': 'always 200',
};

let store: Store;
let app: ReturnType<typeof createApp>;
let text: string;
let doc: Doc;
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op, key: `${method.toUpperCase()} ${path}` })),
  );

beforeAll(async () => {
  store = await memoryStore();
  app = createApp(serverDeps(store, { log: silentLogger }));
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  text = await response.text();
  doc = JSON.parse(text) as Doc;
});
afterAll(() => store.close());

describe('the OpenAPI document', () => {
  it('lints clean with the recommended rules (errors and warnings), but for the justified few', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        'operation-operationId': 'error',
        'operation-summary': 'error',
        'operation-tag-defined': 'error',
        'security-defined': 'error',
        'tag-description': 'error',
      },
    });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    const found = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    const unjustified = problems
      .filter((_, i) => !((found[i] as string) in JUSTIFIED))
      .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(unjustified).toEqual([]);
    // A justification of a problem that no longer happens goes too.
    expect(Object.keys(JUSTIFIED).filter((k) => !found.includes(k))).toEqual([]);
  }, 60_000);

  it('has every registered route', () => {
    const documented = new Set(operations().map((o) => o.key.replace(/\{(\w+)\}/g, ':$1')));
    // ALL entries are middleware (app.use) and the fallbacks (the API's 404, the dashboard);
    // pages outside /api (the dashboard, the setup form of GET /setup) are not the API.
    const routes = [
      ...new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ];
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('gives every operation an operationId, a summary and a defined tag', () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    const ids = new Set<string>();
    for (const { key, op } of operations()) {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId as string), `${key}: ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId as string);
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBe(1);
      expect(tags.has(op.tags?.[0] as string), key).toBe(true);
    }
  });

  it('declares the session cookie with its CSRF header, and bearer tokens', () => {
    expect(doc.components.securitySchemes).toEqual({
      cookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'covenant_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('says who may call each operation and declares the 401, 403 and 413 the middleware can answer', () => {
    const open = operations().filter((o) => isOpen(o.path));
    expect(open.map((o) => o.key).sort()).toEqual([
      'GET /api/docs',
      'GET /api/docs/{file}',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/ready',
      'POST /api/login',
      'POST /api/setup',
    ]);
    for (const { key, method, op, path } of operations()) {
      if (op.requestBody) expect(op.responses['413'], key).toBeDefined();
      if (isOpen(path)) {
        expect(op.security, key).toEqual([]);
        continue;
      }
      expect(op.responses['401'], key).toBeDefined();
      if (method === 'get') {
        expect(op.security, key).toEqual([{ cookie: [] }, { bearer: [] }]);
      } else {
        expect(op.security, key).toEqual([{ cookie: [], csrf: [] }, { bearer: [] }]);
        expect(op.responses['403'], key).toBeDefined();
      }
    }
  });

  it('answers as it declares: 401 without a session, 403 with a cookie but no CSRF header', async () => {
    expect((await app.request('/api/contracts')).status).toBe(401);
    expect((await app.request('/api/logout', { method: 'POST' })).status).toBe(401);
    expect((await app.request('/api/ready')).status).toBe(200);
  });

  it('documents the import: the file as the body, dataset as an enum, a stored mapping by name', () => {
    const op = doc.paths['/api/imports/{dataset}']?.post as Operation;
    const param = (name: string) => op.parameters?.find((p) => p.name === name);
    expect(param('dataset')).toMatchObject({ in: 'path', schema: { enum: [...DATASET_NAMES] } });
    expect(param('mapping')).toMatchObject({ in: 'query' });
    expect(Object.keys(op.requestBody?.content ?? {})).toEqual(expect.arrayContaining(['text/csv']));
  });

  it('documents the event stream as text/event-stream', () => {
    const op = doc.paths['/api/events']?.get as Operation;
    expect(Object.keys(op.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
  });
});
