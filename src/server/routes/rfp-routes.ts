import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { UserError } from '../../core/issues.js';
import { PRICING_MODELS } from '../../core/rfp/schema.js';
import { compareStoredRfp } from '../../records/rfp-comparison.js';
import { listResponses, type StoredResponse } from '../../records/rfp-responses.js';
import { templateSource } from '../../records/rfp-template.js';
import { createRfp, findRfp, listRfps, type RfpRecord } from '../../records/rfps.js';
import type { Executor } from '../../store/store.js';
import { ApiError } from '../api/common-schemas.js';
import { RfpComparison, RfpCreate, RfpList, RfpQuestions, RfpSummary } from '../api/rfp-schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { canCreateRfp, Forbidden, type Principal, rfpScope } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { rfpResponseRoutes } from './rfp-response-routes.js';
import { rfpScoreRoutes } from './rfp-score-routes.js';

/**
 * Stored RFPs over HTTP (docs/rfp.md, Stored RFPs): the list, creating one from the default
 * template or uploaded YAML, the RFP as a vendor answers it, and the comparison from the
 * stored scores. Who sees what is scope.ts's rfpScope; the store does the rest.
 */

export const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const forbidden = json(ApiError, 'not for this role');
export const notFound = json(ApiError, 'no such RFP (or not one the caller is invited to)');
export const RfpId = z.object({ id: z.string().max(80).openapi({ example: 'northwind-support-2027' }) });
const TAGS = ['rfp'];

export const summaryOf = (s: StoredResponse) => ({
  vendor: s.vendor,
  submittedAt: s.submittedAt,
  submittedBy: s.submittedBy,
  attachments: s.attachments,
  warnings: s.warnings as unknown as Record<string, unknown>[],
});

/** The RFP the caller may see, or 404 (an RFP a vendor is not invited to does not exist for it). */
export async function rfpFor(store: Executor, p: Principal, id: string): Promise<RfpRecord> {
  const found = await findRfp(store, p.tenant, id, rfpScope(p).vendor);
  if (!found) throw new NotFound(`no RFP ${id}`);
  return found;
}

const isOpen = (r: RfpRecord) => Date.now() < Date.parse(r.deadline);
/** A vendor sees itself among the invited, not its competitors; nor the client's evaluators. */
const shownTo = (p: Principal, r: RfpRecord) => {
  const vendor = rfpScope(p).vendor;
  return vendor ? { evaluators: [], vendors: [vendor] } : { evaluators: r.evaluators, vendors: r.vendors };
};

async function summary(store: Executor, p: Principal, r: RfpRecord) {
  const vendor = rfpScope(p).vendor;
  const responses = await listResponses(store, p.tenant, r.id, vendor);
  const own = vendor ? responses[0] : undefined;
  return {
    id: r.id,
    title: r.title,
    deadline: r.deadline,
    open: isOpen(r),
    ...shownTo(p, r),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    responses: responses.length,
    submission: own ? summaryOf(own) : null,
  };
}

export function rfpRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps',
      operationId: 'listRfps',
      summary: 'The RFPs the caller may see',
      tags: TAGS,
      responses: { 200: json(RfpList, 'newest first'), 403: forbidden },
    }),
    async (c) => {
      const p = principalOf(c);
      const store = storeOf(c, deps);
      const records = await listRfps(store, p.tenant, rfpScope(p).vendor);
      const rfps = [];
      for (const r of records) rfps.push(await summary(store, p, r));
      return c.json({ rfps }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rfps',
      operationId: 'createRfp',
      summary: 'Create an RFP from the default template or from YAML',
      tags: TAGS,
      request: { body: { content: { 'application/json': { schema: RfpCreate } }, required: true } },
      responses: {
        201: json(RfpSummary, 'stored and audited'),
        400: json(ApiError, 'every problem of the RFP and its setup, with its path (and line, in YAML)'),
        403: forbidden,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      if (!canCreateRfp(p)) throw new Forbidden('a client_admin creates RFPs');
      const body = c.req.valid('json');
      if ((body.template === undefined) === (body.yaml === undefined))
        throw new UserError('give either template: "default" or the RFP as yaml');
      if (body.template && !body.id)
        throw new UserError('an RFP from the template needs an id', [
          { code: 'required', path: ['id'], message: 'the new RFP’s id, e.g. northwind-support-2028' },
        ]);
      const now = new Date().toISOString();
      const source =
        body.yaml ??
        (await templateSource({
          id: body.id ?? '',
          title: body.title ?? '',
          client: p.tenant,
          deadline: body.deadline,
          issued: now,
        }));
      const record = await createRfp(storeOf(c, deps), p.tenant, {
        source,
        file: body.yaml ? 'rfp.yaml' : 'template',
        ...(body.title ? { title: body.title } : {}),
        deadline: body.deadline,
        evaluators: body.evaluators,
        vendors: body.vendors,
      });
      return c.json(await summary(storeOf(c, deps), p, record), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps/{id}',
      operationId: 'getRfp',
      summary: 'The RFP as a vendor answers it, with the caller’s own response',
      tags: TAGS,
      request: { params: RfpId },
      responses: {
        200: json(RfpQuestions, 'sections, questions and evidence asked for'),
        403: forbidden,
        404: notFound,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, c.req.valid('param').id);
      const rfp = r.rfp;
      const vendor = rfpScope(p).vendor;
      const [own] = vendor ? await listResponses(store, p.tenant, r.id, vendor) : [];
      return c.json(
        {
          id: r.id,
          title: r.title,
          deadline: r.deadline,
          open: isOpen(r),
          ...shownTo(p, r),
          name: rfp.name,
          displayName: rfp.displayName,
          client: rfp.client,
          currency: rfp.currency,
          responsesDue: rfp.responsesDue ?? null,
          scale: { min: rfp.scale.min, max: rfp.scale.max },
          sections: rfp.sections.map((s) => ({
            id: s.id,
            title: s.title,
            weight: s.weight,
            questions: s.questions.map((q) => ({
              id: q.id,
              title: q.title,
              text: q.text,
              weight: q.weight,
              evidence: q.evidence,
            })),
          })),
          pricingModels: [...PRICING_MODELS],
          pricingUnits: ['handled_contact', 'resolved_contact', 'fte_month', 'fixed_month'],
          coachingModes: ['any', 'video', 'in_person', 'async'],
          submission: own ? summaryOf(own) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps/{id}/comparison',
      operationId: 'compareRfp',
      summary: 'The ranking, agreement, sensitivity and classification from the stored scores',
      tags: TAGS,
      request: { params: RfpId },
      responses: {
        200: json(RfpComparison, 'the JSON of `rfp score --format json`, with each evaluator’s progress'),
        403: forbidden,
        404: notFound,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      if (rfpScope(p).vendor) throw new Forbidden('the comparison is the client’s');
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, c.req.valid('param').id);
      return c.json((await compareStoredRfp(store, p.tenant, r)) as never, 200);
    },
  );

  rfpResponseRoutes(app, deps);
  rfpScoreRoutes(app, deps);
}
