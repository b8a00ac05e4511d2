import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Issue } from '../../core/issues.js';
import { evaluateRfp } from '../../core/rfp/evaluate.js';
import { parseResponse } from '../../core/rfp/parse.js';
import { checkOnTime, LateSubmission } from '../../core/rfp/setup.js';
import { readYaml, valueAt } from '../../core/yaml/read-yaml.js';
import { listResponses, responseAttachment, submitResponse } from '../../records/rfp-responses.js';
import { ApiError } from '../api/common-schemas.js';
import { RfpResponseSubmission, RfpResponses, RfpSubmissionResult } from '../api/rfp-schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { Forbidden, partyOf, rfpScope } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { forbidden, json, notFound, RfpId, rfpFor, summaryOf } from './rfp-routes.js';
import { responseSizeLimit, responseTypeCheck, submissionProblems, typeOf } from './rfp-submission-checks.js';

/**
 * Vendors' responses to a stored RFP: a vendor manager of an invited vendor submits (JSON
 * with the evidence files, or the RFPResponse YAML), checked by the CLI's parser with every
 * problem's path; refused at or after the deadline (409, naming it). The client's users
 * read every response, a vendor only its own.
 */
export function rfpResponseRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  // Refusals the generic error mapping would turn into 500s: too large, not JSON or YAML, malformed JSON.
  app.use('/api/rfps/:id/responses', responseSizeLimit(), responseTypeCheck);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps/{id}/responses',
      operationId: 'listRfpResponses',
      summary: 'The stored responses (a vendor: its own)',
      tags: ['rfp'],
      request: { params: RfpId },
      responses: { 200: json(RfpResponses, 'by vendor'), 403: forbidden, 404: notFound },
    }),
    async (c) => {
      const p = principalOf(c);
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, c.req.valid('param').id);
      const responses = await listResponses(store, p.tenant, r.id, rfpScope(p).vendor);
      return c.json(
        {
          responses: responses.map((s) => ({
            ...summaryOf(s),
            response: s.response as unknown as Record<string, unknown>,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfps/{id}/responses/{vendor}/attachment',
      operationId: 'getRfpAttachment',
      summary: 'An evidence file sent with a response',
      tags: ['rfp'],
      request: {
        params: RfpId.extend({ vendor: z.string().max(80) }),
        // A query value: the names are paths as the response wrote them (../evidence/x.csv).
        query: z.object({ name: z.string().min(1).max(200) }),
      },
      responses: {
        200: { description: 'the file as sent, as an attachment' },
        403: forbidden,
        404: notFound,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id, vendor } = c.req.valid('param');
      const { name } = c.req.valid('query');
      const store = storeOf(c, deps);
      const r = await rfpFor(store, p, id);
      const own = rfpScope(p).vendor;
      const text =
        own && own !== vendor ? null : await responseAttachment(store, p.tenant, r.id, vendor, name);
      if (text === null) throw new NotFound(`no attachment ${name} in ${vendor}'s response to ${r.id}`);
      const file =
        name
          .split('/')
          .at(-1)
          ?.replace(/["\\\r\n]/g, '') || 'attachment';
      return c.body(text, 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="${file}"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rfps/{id}/responses',
      operationId: 'submitRfpResponse',
      summary: 'Submit the vendor’s response with its evidence',
      tags: ['rfp'],
      request: {
        params: RfpId,
        body: {
          content: {
            'application/json': { schema: RfpResponseSubmission },
            'application/yaml': {
              schema: z.string().openapi({ description: 'an RFPResponse YAML document' }),
            },
            'text/yaml': { schema: z.string() },
            'text/plain': { schema: z.string() },
          },
          description:
            'the RFPResponse document as JSON with its evidence files ({ response, attachments }), or as YAML (evidence by url)',
        },
      },
      responses: {
        201: json(RfpSubmissionResult, 'stored (replacing an earlier response) and audited; unscored'),
        400: json(ApiError, 'every problem of the response, with its path'),
        403: forbidden,
        404: notFound,
        409: json(ApiError, 'the deadline has passed: the message names it'),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      if (partyOf(p) !== 'vendor')
        throw new Forbidden('only a vendor manager submits a response, for their own organisation');
      const organisation = p.user.organisation;
      const store = storeOf(c, deps);
      const record = await rfpFor(store, p, c.req.valid('param').id);
      const at = new Date().toISOString();
      try {
        checkOnTime(record.id, record.deadline, at);
      } catch (error) {
        if (error instanceof LateSubmission) return c.json({ error: error.message }, 409);
        throw error;
      }
      const isJson = typeOf(c.req.header('content-type')) === 'application/json';
      const body = isJson ? (c.req.valid('json') as z.output<typeof RfpResponseSubmission>) : null;
      const attachments = body?.attachments ?? [];
      // JSON is YAML: the one parser gives every problem its path (and a position in this text).
      const source = body ? JSON.stringify(body.response, null, 2) : await c.req.text();
      const file = `${record.id}/${organisation}.yaml`;
      const raw = readYaml(source, file);
      const stated = raw.ok ? valueAt(raw.value.js, ['spec', 'vendor']) : undefined;
      if (typeof stated === 'string' && stated !== organisation)
        throw new Forbidden(`${p.user.email} submits for ${organisation}, not ${stated}`);
      const parsed = parseResponse(source, file, record.rfp);
      const problems = submissionProblems(raw, parsed, attachments);
      if (problems.length > 0 || !parsed.ok) {
        const pos = (i: Issue) => [i.line ?? Number.MAX_SAFE_INTEGER, i.column ?? 0] as const;
        problems.sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1]);
        return c.json({ error: `${problems.length} problem(s) in the response`, issues: problems }, 400);
      }
      if (parsed.value.vendor !== organisation)
        throw new Forbidden(`${p.user.email} submits for ${organisation}, not ${parsed.value.vendor}`);
      let stored: Awaited<ReturnType<typeof submitResponse>>;
      try {
        stored = await submitResponse(store, p.tenant, record, {
          response: parsed.value,
          source,
          attachments,
          warnings: parsed.warnings,
          submittedBy: p.user.email,
          at,
        });
      } catch (error) {
        if (error instanceof LateSubmission) return c.json({ error: error.message }, 409);
        throw error;
      }
      deps.log('info', 'rfp response submitted', {
        requestId: c.get('requestId'),
        rfp: record.id,
        vendor: organisation,
        attachments: attachments.length,
      });
      const names = new Set(attachments.map((a) => a.name));
      const alone = evaluateRfp({
        rfp: record.rfp,
        responses: [stored.response],
        scores: [],
        attachmentExists: (_response, name) => names.has(name),
      });
      const vendor = { ...alone.vendors[0], unscored: true, submittedAt: stored.submittedAt };
      return c.json({ submission: summaryOf(stored), vendor } as never, 201);
    },
  );
}
