import type { OpenAPIHono } from '@hono/zod-openapi';
import { isOpen, SESSION_COOKIE } from '../auth/middleware.js';
import type { AppEnv } from '../deps.js';

/**
 * The OpenAPI document of /api/openapi.json. Routes declare what is theirs (operationId,
 * summary, tags, their own answers); what the middleware does to every request is added
 * here from the same rules the middleware follows, so it cannot drift per route:
 * who may call (security), 401 without a session, 403 without the CSRF header, 413 and
 * 415 on bodies (auth/middleware.ts, limits.ts).
 */

export const TAGS = [
  { name: 'service', description: 'Liveness, readiness, this document and its reference page' },
  { name: 'session', description: 'Signing in and out, and the signed-in user' },
  { name: 'preferences', description: 'The signed-in user’s and the tenant’s settings' },
  { name: 'metrics', description: 'The metric catalog and metric queries (docs/metrics.md)' },
  { name: 'contracts', description: 'Contracts, their overview, projections, alerts and what-if' },
  { name: 'settlements', description: 'Settlements (invoices) and their files' },
  { name: 'proposals', description: 'Proposed contract changes and their decisions' },
  { name: 'data', description: 'Imports, sites and the data version (docs/importing.md)' },
  { name: 'renewal', description: 'Renewal scorecards (docs/renewal.md)' },
  {
    name: 'rfp',
    description:
      'RFPs stored per tenant: vendors’ responses, evaluators’ scores, the comparison (docs/rfp.md)',
  },
  { name: 'disputes', description: 'Disputes about settlement lines (docs/records.md)' },
  { name: 'audit', description: 'The audit log and its hash chain' },
  { name: 'webhooks', description: 'Webhooks and their deliveries' },
  { name: 'experiments', description: 'Experiments and their estimated effects (docs/experiments.md)' },
  { name: 'exports', description: 'Tables of the dashboard as files' },
];

/** Components: how a caller proves who they are. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie POST /api/login sets (HttpOnly, SameSite=Strict).',
  });
  registry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'With the session cookie, every request but GET and HEAD carries the csrfToken of POST /api/login (or GET /api/me).',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (covenant user token create); no CSRF header needed.',
  });
}

const READ = [{ cookie: [] }, { bearer: [] }];
const WRITE = [{ cookie: [], csrf: [] }, { bearer: [] }];

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

interface Operation {
  security?: unknown[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { description: string }>;
}

/** Adds `answer` as `status`, or adds its reason to the route's own description of that status. */
function declare(op: Operation, status: string, description: string): void {
  const own = op.responses[status];
  if (!own) op.responses[status] = errorAnswer(description);
  else if (!own.description.includes(description)) own.description = `${own.description}; or ${description}`;
}

/** The document, with the middleware's rules applied to every operation. */
export function apiDocument(app: OpenAPIHono<AppEnv>, version: string) {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Covenant API',
      version,
      description:
        'Outcome-based BPO contracts: one set of measurements for client and vendor, settled by rule. Sign in with POST /api/login (a session cookie, and a CSRF token for changes) or send an API token as a Bearer token. docs/api.md.',
    },
    // Relative: the document is right wherever the server is reached (behind a proxy too).
    servers: [{ url: '/', description: 'this server' }],
    tags: TAGS,
  });
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head'].includes(method)) continue;
      const op = value as Operation;
      const types = Object.keys(op.requestBody?.content ?? {});
      if (types.length > 0) declare(op, '413', 'the body is larger than the server takes');
      if (types.length === 1 && types[0] === 'application/json')
        declare(op, '415', 'a body that is not application/json');
      if (isOpen(path)) {
        op.security = [];
        continue;
      }
      const reads = method === 'get' || method === 'head';
      op.security = reads ? READ : WRITE;
      declare(op, '401', 'not signed in: no session cookie or bearer token, or one that has ended');
      if (!reads) declare(op, '403', 'a session cookie without its x-csrf-token header');
    }
  }
  return doc;
}
