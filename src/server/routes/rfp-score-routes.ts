import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listScores, saveScores } from '../../records/rfp-scores.js';
import { ApiError } from '../api/common-schemas.js';
import { RfpScoresInput, RfpScoresList } from '../api/rfp-schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { canScoreRfp, Forbidden, rfpScope } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { forbidden, json, notFound, RfpId, rfpFor } from './rfp-routes.js';

/**
 * Evaluators' scores: the client's users read them; an evaluator the RFP names saves their
 * scores of one vendor's response (each save replaces their earlier scores of those
 * questions, and is audited). Vendors see no scores.
 */
export function rfpScoreRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps/{id}/scores',
      operationId: 'listRfpScores',
      summary: 'Every evaluator’s stored scores',
      tags: ['rfp'],
      request: { params: RfpId },
      responses: {
        200: json(RfpScoresList, 'by evaluator, vendor and question'),
        403: forbidden,
        404: notFound,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      if (rfpScope(p).vendor) throw new Forbidden('the scores are the client’s');
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, c.req.valid('param').id);
      return c.json({ scores: await listScores(store, p.tenant, r.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rfps/{id}/scores/{vendor}',
      operationId: 'saveRfpScores',
      summary: 'Save the caller’s scores of one vendor’s response',
      tags: ['rfp'],
      request: {
        params: RfpId.extend({ vendor: z.string().max(80) }),
        body: { content: { 'application/json': { schema: RfpScoresInput } }, required: true },
      },
      responses: {
        200: json(RfpScoresList, 'the scores saved'),
        400: json(ApiError, 'every problem of the scores, with its path'),
        403: forbidden,
        404: notFound,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id, vendor } = c.req.valid('param');
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, id);
      if (!canScoreRfp(p, r.evaluators))
        throw new Forbidden(`${p.user.email} is not an evaluator of ${r.id}`);
      const saved = await saveScores(store, p.tenant, r, {
        vendor,
        evaluator: p.user.email,
        scores: c.req.valid('json').scores,
      });
      return c.json({ scores: saved }, 200);
    },
  );
}
