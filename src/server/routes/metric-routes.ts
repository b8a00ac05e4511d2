import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { API_FIELDS, answerQuery } from '../../contracts/answer-query.js';
import { VALUE_METRIC_IDS } from '../../contracts/value-metrics.js';
import { METRIC_CATALOG, readsInteractions } from '../../core/metric/catalog.js';
import { customInfo } from '../../core/metric/custom/index.js';
import type { Dimension, Grain } from '../../core/metric/scope.js';
import { listMetrics } from '../../query/custom-metric-store.js';
import { ApiError, MetricInfo, QueryAnswer, QueryRequest } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { Forbidden, scopeQuery } from '../scope.js';
import { scopeKey, storeOf } from '../session-scope.js';
import { visibleContract } from './contract-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export function metricRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/metrics',
      operationId: 'listMetrics',
      summary: 'The metric catalog',
      tags: ['metrics'],
      responses: { 200: json(z.array(MetricInfo), "the metric catalog, then the tenant's own metrics") },
    }),
    async (c) => {
      const custom = (await listMetrics(storeOf(c, deps), tenantOf(c))).map(customInfo);
      return c.json(
        [...METRIC_CATALOG, ...custom].map((m) => ({
          ...m,
          readsInteractions: readsInteractions(m),
        })) as never,
        200,
      );
    },
  );

  const query = createRoute({
    method: 'post',
    path: '/api/query',
    operationId: 'queryMetrics',
    summary: 'Compute metrics for a period, filtered and broken down',
    tags: ['metrics'],
    request: { body: { content: { 'application/json': { schema: QueryRequest } }, required: true } },
    responses: {
      200: json(
        QueryAnswer,
        'one result per metric, period and group, and why nothing was found when nothing was',
      ),
      400: json(ApiError, 'bad request'),
    },
  });
  app.openapi(query, async (c) => {
    const body = c.req.valid('json');
    const principal = principalOf(c);
    const where = scopeQuery(principal, body.where as Partial<Record<Dimension, string[]>>, body.by);
    // Every check that depends on who asks runs before the cache, never inside its compute.
    if (principal.user.kind !== 'client' && body.metrics.some((m) => VALUE_METRIC_IDS.includes(m)))
      throw new Forbidden('value metrics are the client’s (docs/api.md, Value metrics)');
    // A contract's parameters are its parties' to use: another vendor's contract answers 404.
    if (body.contract) await visibleContract(deps, c, body.contract, 'terms');
    // The key carries the caller's scope: a result computed in one party's session never serves another.
    const key = JSON.stringify({ scope: scopeKey(c), body, where });
    // Cached as the JSON text: a series of a quarter is large, and serialising it was most of a request.
    const text = await deps.cache.get(deps.events.version, `query:${key}`, async () =>
      JSON.stringify(
        await answerQuery(
          storeOf(c, deps),
          tenantOf(c),
          { ...body, where, by: body.by as Dimension[], grain: body.grain as Grain | undefined },
          API_FIELDS,
        ),
      ),
    );
    return c.newResponse(text, 200, { 'content-type': 'application/json' }) as never;
  });
}
