import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { projectContract } from '../../contracts/projection.js';
import { listAlerts } from '../../evidence/alerts.js';
import { OutcomeAlert, Projection } from '../api/evidence-schemas.js';
import { ApiError } from '../api/schemas.js';
import { tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';

import { scopeKey, storeOf } from '../session-scope.js';
import { visibleContract } from './contract-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const id = z.object({ id: z.string().max(63) });
const missing = json(ApiError, 'no such contract (or not yours)');

/** The period in progress of a contract and its stored state changes. */
export function alertRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const cached = <T>(key: string, c: Parameters<typeof scopeKey>[0], fn: () => Promise<T>) =>
    deps.cache.get(deps.events.version, `${key}:${scopeKey(c)}`, fn);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/projection',
      operationId: 'getProjection',
      summary: 'A contract’s metrics projected to the end of the period',
      tags: ['contracts'],
      request: { params: id, query: z.object({ asOf: z.string().max(40).optional() }) },
      responses: {
        200: json(Projection, 'the period in progress: states, projected pay, money at risk'),
        404: missing,
      },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const asOf = c.req.valid('query').asOf ?? new Date().toISOString();
      const projection = await cached(`projection:${version.contractId}:${asOf.slice(0, 13)}`, c, () =>
        projectContract(storeOf(c, deps), tenantOf(c), version.contractId, asOf),
      );
      return c.json(projection as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/alerts',
      operationId: 'listAlerts',
      summary: 'A contract’s alert changes, newest first',
      tags: ['contracts'],
      request: { params: id },
      responses: { 200: json(z.array(OutcomeAlert), 'state changes, newest first'), 404: missing },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      return c.json((await listAlerts(storeOf(c, deps), tenantOf(c), version.contractId)) as never, 200);
    },
  );
}
