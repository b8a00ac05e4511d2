import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { pricingBasis, whatIf } from '../../renewal/what-if.js';
import { ApiError } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { Forbidden, partyOf } from '../scope.js';
import { scopeKey, storeOf } from '../session-scope.js';
import { visibleContract } from './contract-routes.js';

const share = z.number().min(0).max(1);
const Edits = z
  .object({
    name: z.string().max(63).optional(),
    rate: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,6})?$/)
      .optional(),
    atRisk: share.optional(),
    bonusCap: share.optional(),
    portfolios: z.record(z.string().max(63), z.object({ weight: share.optional() })).optional(),
    outcomes: z
      .record(
        z.string().max(130),
        z.object({ target: z.number().min(-1e9).max(1e9).optional(), weight: share.optional() }),
      )
      .optional(),
  })
  .openapi('WhatIfEdits');

const WhatIf = z
  .object({
    yaml: z.string(),
    backtest: z.record(z.string(), z.unknown()),
    terms: z.record(z.string(), z.unknown()),
    repricedMs: z.number(),
  })
  .openapi('WhatIf');

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/**
 * `POST /api/contracts/{id}/what-if`: a client admin's edits of the next term's terms,
 * back-tested on the last four quarters. The measured basis is cached per data version,
 * so each change only re-prices.
 */
export function whatIfRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/what-if',
      operationId: 'whatIf',
      summary: 'Settle a contract under changed terms (what-if)',
      tags: ['contracts'],
      request: {
        params: z.object({ id: z.string().max(63) }),
        body: { content: { 'application/json': { schema: Edits } }, required: true },
      },
      responses: {
        200: json(WhatIf, 'the edited terms back-tested, and their YAML'),
        400: json(ApiError, 'the edited terms are not a valid contract'),
        404: json(ApiError, 'no such contract'),
      },
    }),
    async (c) => {
      if (partyOf(principalOf(c)) !== 'client')
        throw new Forbidden('only a client admin negotiates the terms');
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const today = new Date().toISOString().slice(0, 10);
      const basis = await deps.cache.get(
        deps.events.version,
        `what-if-basis:${scopeKey(c)}:${version.contractId}:${today}`,
        () => pricingBasis(storeOf(c, deps), tenantOf(c), version.contractId, new Date().toISOString()),
      );
      return c.json(whatIf(basis, c.req.valid('json')) as never, 200);
    },
  );
}
