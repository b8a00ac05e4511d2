import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { VALUE_METRIC_IDS, valueMetrics } from '../../contracts/value-metrics.js';
import { METRIC_CATALOG } from '../../core/metric/catalog.js';
import { customInfo } from '../../core/metric/custom/index.js';
import type { Dimension } from '../../core/metric/scope.js';
import { listMetrics } from '../../query/custom-metric-store.js';
import { runQuery } from '../../query/run-query.js';
import { ApiError, MetricInfo, MetricResult, QueryRequest } from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { Forbidden, scopeQuery } from '../scope.js';
import { storeOf } from '../session-scope.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export function metricRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/metrics',
      responses: { 200: json(z.array(MetricInfo), "the metric catalog, then the tenant's own metrics") },
    }),
    async (c) => {
      const custom = (await listMetrics(storeOf(c, deps), deps.tenant)).map(customInfo);
      return c.json([...METRIC_CATALOG, ...custom] as never, 200);
    },
  );

  const query = createRoute({
    method: 'post',
    path: '/api/query',
    request: { body: { content: { 'application/json': { schema: QueryRequest } }, required: true } },
    responses: {
      200: json(z.array(MetricResult), 'one result per metric, period and group'),
      400: json(ApiError, 'bad request'),
    },
  });
  app.openapi(query, async (c) => {
    const body = c.req.valid('json');
    const principal = principalOf(c);
    const where = scopeQuery(principal, body.where as Partial<Record<Dimension, string[]>>, body.by);
    const key = JSON.stringify({ body, where });
    // Cached as the JSON text: a series of a quarter is large, and serialising it was most of a request.
    const text = await deps.cache.get(deps.events.version, `query:${key}`, async () => {
      const valueIds = body.contract ? body.metrics.filter((m) => VALUE_METRIC_IDS.includes(m)) : [];
      if (valueIds.length > 0 && principal.user.kind !== 'client')
        throw new Forbidden('value metrics are the client’s');
      const others = body.metrics.filter((m) => !valueIds.includes(m));
      const asOf = new Date().toISOString();
      const common = { tenant: deps.tenant, period: body.period, asOf };
      return JSON.stringify([
        ...(others.length === 0
          ? []
          : await runQuery(storeOf(c, deps), {
              ...common,
              metrics: others,
              zone: body.timezone,
              where,
              by: body.by as Dimension[],
              grain: body.grain,
              params: body.params,
              baseline: body.baseline,
              minN: body.minN,
            })),
        ...(body.contract && valueIds.length > 0
          ? await valueMetrics(storeOf(c, deps), { ...common, contractId: body.contract, metrics: valueIds })
          : []),
      ]);
    });
    return c.newResponse(text, 200, { 'content-type': 'application/json' }) as never;
  });
}
