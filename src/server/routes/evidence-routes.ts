import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { checkExperiment } from '../../core/experiment/index.js';
import { UserError } from '../../core/issues.js';
import { startAlertEvaluation } from '../../evidence/alert-schedule.js';
import { estimateExperiment, experimentSeries } from '../../evidence/estimate-experiment.js';
import {
  getExperiment,
  listExperiments,
  removeExperiment,
  saveExperiment,
} from '../../evidence/experiment-store.js';
import { ExperimentDetail, ExperimentEstimate, ExperimentInput } from '../api/evidence-schemas.js';
import { ApiError } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import { tenantIds } from '../auth/tenants.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { canImport, canSeeExperiment, Forbidden } from '../scope.js';
import { scopeKey, storeOf } from '../session-scope.js';
import { alertRoutes } from './alert-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const id = z.object({ id: z.string().max(63) });
const missing = json(ApiError, 'no such experiment or contract (or not yours)');

function checked(input: z.infer<typeof ExperimentInput>, needsId: boolean) {
  const result = checkExperiment(input, needsId);
  if (!result.ok) throw new UserError('the experiment has problems', result.issues);
  return result.value;
}

/** Stored and one-off experiments. */
function experimentRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const cached = <T>(key: string, c: Parameters<typeof scopeKey>[0], fn: () => Promise<T>) =>
    deps.cache.get(deps.events.version, `${key}:${scopeKey(c)}`, fn);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/experiments',
      operationId: 'listExperiments',
      summary: 'The registered experiments',
      tags: ['experiments'],
      responses: { 200: json(z.array(ExperimentInput), 'visible experiments') },
    }),
    async (c) => {
      const all = await listExperiments(storeOf(c, deps), tenantOf(c));
      return c.json(all.filter((d) => canSeeExperiment(principalOf(c), d)) as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/experiments/estimate',
      operationId: 'estimateExperiment',
      summary: 'Estimate an experiment’s effect without registering it',
      tags: ['experiments'],
      request: body(ExperimentInput),
      responses: { 200: json(ExperimentEstimate, 'a one-off estimate') },
    }),
    async (c) => {
      const def = checked(c.req.valid('json'), false);
      if (!canSeeExperiment(principalOf(c), def))
        throw new Forbidden('this experiment reads scopes you may not see');
      return c.json((await estimateExperiment(storeOf(c, deps), tenantOf(c), def)) as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/experiments/{id}',
      operationId: 'getExperiment',
      summary: 'An experiment and its estimate',
      tags: ['experiments'],
      request: { params: id },
      responses: { 200: json(ExperimentDetail, 'an experiment, its estimate and series'), 404: missing },
    }),
    async (c) => {
      const store = storeOf(c, deps);
      const def = await getExperiment(store, tenantOf(c), c.req.valid('param').id).catch(() => null);
      if (!def || !canSeeExperiment(principalOf(c), def))
        throw new NotFound(`no experiment ${c.req.valid('param').id}`);
      const detail = await cached(`experiment:${def.id}`, c, async () => ({
        experiment: def,
        estimate: await estimateExperiment(store, tenantOf(c), def),
        series: await experimentSeries(store, tenantOf(c), def),
      }));
      return c.json(detail as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/experiments',
      operationId: 'registerExperiment',
      summary: 'Register an experiment',
      tags: ['experiments'],
      request: body(ExperimentInput),
      responses: { 200: json(z.object({ id: z.string() }), 'stored') },
    }),
    async (c) => {
      if (!canImport(principalOf(c))) throw new Forbidden('only a client admin registers experiments');
      const def = checked(c.req.valid('json'), true);
      await storeOf(c, deps).transaction((tx) => saveExperiment(tx, tenantOf(c), def));
      deps.events.bump('experiment');
      return c.json({ id: def.id }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/experiments/{id}',
      operationId: 'removeExperiment',
      summary: 'Remove an experiment',
      tags: ['experiments'],
      request: { params: id },
      responses: { 200: json(z.object({ id: z.string() }), 'removed'), 404: missing },
    }),
    async (c) => {
      if (!canImport(principalOf(c))) throw new Forbidden('only a client admin removes experiments');
      const { id: experimentId } = c.req.valid('param');
      await storeOf(c, deps)
        .transaction((tx) => removeExperiment(tx, tenantOf(c), experimentId))
        .catch(() => {
          throw new NotFound(`no experiment ${experimentId}`);
        });
      deps.events.bump('experiment');
      return c.json({ id: experimentId }, 200);
    },
  );
}

/** Experiments, projections and alerts (issue 15): thin routes over src/evidence and src/contracts/projection. */
export function evidenceRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  experimentRoutes(app, deps);
  alertRoutes(app, deps);
  startAlertEvaluation(deps.store, () => tenantIds(deps.store), deps.events, deps.log);
}
