import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Issue } from '../../core/issues.js';
import { parseResponse } from '../../core/rfp/parse.js';
import { PRICING_MODELS } from '../../core/rfp/schema.js';
import { readYaml, valueAt } from '../../core/yaml/read-yaml.js';
import { appendAudit } from '../../records/audit.js';
import { ApiError } from '../api/common-schemas.js';
import {
  RfpComparison,
  RfpQuestions,
  RfpResponseSubmission,
  RfpSubmissionResult,
} from '../api/rfp-schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import { findTenant } from '../auth/tenants.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { Forbidden, type Principal, partyOf } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { responseSizeLimit, responseTypeCheck, submissionProblems, typeOf } from './rfp-submission-checks.js';
import { rfpSubmissions, type Submission, summaryOf } from './rfp-submissions.js';

/**
 * The RFP comparison (docs/rfp.md) over HTTP: the same JSON as `covenant rfp score --format
 * json`, the RFP as a vendor answers it, and vendor responses submitted through the
 * dashboard. Submitted responses live in this server's memory (one map per app, lost on
 * restart); they join the comparison unscored until evaluators score them in an RFPScores
 * file.
 */

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const forbidden = json(ApiError, 'not for this role');

/** The client's users (the comparison is the client's), as metric-routes decides value metrics. */
const isClientUser = (p: Principal) => p.user.kind === 'client';

export function rfpRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const { demoFiles, unscoredEntry, comparison, submissionOf, submit } = rfpSubmissions();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfp',
      operationId: 'getRfpComparison',
      summary: 'The RFP: vendors’ responses compared and scored',
      tags: ['rfp'],
      responses: {
        200: json(
          RfpComparison,
          'the ranking, agreement, sensitivity and classification (`rfp score --format json`)',
        ),
        403: forbidden,
      },
    }),
    async (c) => {
      await demoTenantOnly(deps, c);
      const principal = principalOf(c);
      if (!isClientUser(principal)) throw new Forbidden('the RFP comparison is the client’s');
      return c.json((await comparison()) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfp/questions',
      operationId: 'getRfpQuestions',
      summary: 'The RFP’s questions',
      tags: ['rfp'],
      responses: {
        200: json(
          RfpQuestions,
          'the RFP as a vendor answers it: sections, questions and the evidence asked for',
        ),
        403: forbidden,
      },
    }),
    async (c) => {
      await demoTenantOnly(deps, c);
      const principal = principalOf(c);
      const vendor = partyOf(principal) === 'vendor';
      if (!vendor && !isClientUser(principal))
        throw new Forbidden(`${principal.user.role} does not answer or read the RFP`);
      const { rfp } = await demoFiles();
      const own = vendor ? submissionOf(principal.user.organisation) : undefined;
      return c.json(
        {
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

  // Refusals that the generic error mapping would turn into 500s: too large, not JSON or YAML, malformed JSON.
  app.use('/api/rfp/responses', responseSizeLimit(), responseTypeCheck);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rfp/responses',
      operationId: 'submitRfpResponse',
      summary: 'Submit a vendor’s response to the RFP',
      tags: ['rfp'],
      request: {
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
        201: json(RfpSubmissionResult, 'stored in this server’s memory; unscored until evaluators score it'),
        400: json(ApiError, 'every problem of the response, with its path'),
        403: forbidden,
      },
    }),
    async (c) => {
      await demoTenantOnly(deps, c);
      const principal = principalOf(c);
      if (partyOf(principal) !== 'vendor')
        throw new Forbidden('only a vendor manager submits a response, for their own organisation');
      const organisation = principal.user.organisation;
      const isJson = typeOf(c.req.header('content-type')) === 'application/json';
      const body = isJson ? (c.req.valid('json') as z.output<typeof RfpResponseSubmission>) : null;
      const attachments = body?.attachments ?? [];
      // JSON is YAML: the one parser gives every problem its path (and a position in this text).
      const source = body ? JSON.stringify(body.response, null, 2) : await c.req.text();
      const file = `submitted/${organisation}.yaml`;
      const raw = readYaml(source, file);
      const stated = raw.ok ? valueAt(raw.value.js, ['spec', 'vendor']) : undefined;
      if (typeof stated === 'string' && stated !== organisation)
        throw new Forbidden(`${principal.user.email} submits for ${organisation}, not ${stated}`);

      const { rfp } = await demoFiles();
      const parsed = parseResponse(source, file, rfp);
      const problems = submissionProblems(raw, parsed, attachments);
      if (problems.length > 0 || !parsed.ok) {
        const at = (i: Issue) => [i.line ?? Number.MAX_SAFE_INTEGER, i.column ?? 0] as const;
        problems.sort((a, b) => at(a)[0] - at(b)[0] || at(a)[1] - at(b)[1]);
        return c.json({ error: `${problems.length} problem(s) in the response`, issues: problems }, 400);
      }

      if (parsed.value.vendor !== organisation)
        throw new Forbidden(
          `${principal.user.email} submits for ${organisation}, not ${parsed.value.vendor}`,
        );
      const submission: Submission = {
        response: parsed.value,
        attachments: new Map(attachments.map((a) => [a.name, a.text])),
        submittedAt: new Date().toISOString(),
        submittedBy: principal.user.email,
        warnings: parsed.warnings,
      };
      submit(organisation, submission);
      await appendAudit(storeOf(c, deps), tenantOf(c), {
        action: 'rfp.response',
        subject: organisation,
        after: `${organisation} ${submission.submittedAt}`,
        detail: { attachments: attachments.length },
      });
      deps.log('info', 'rfp response submitted', {
        requestId: c.get('requestId'),
        vendor: organisation,
        attachments: attachments.length,
      });
      return c.json(
        { submission: summaryOf(submission), vendor: unscoredEntry(rfp, submission) } as never,
        201,
      );
    },
  );
}

/**
 * The RFP these routes serve is the demo's, read from the package: only a demo tenant's
 * users see it (another tenant's answer 404), so no tenant reads another's RFP.
 */
async function demoTenantOnly(deps: ServerDeps, c: Context<AppEnv>): Promise<void> {
  if (!(await findTenant(deps.store, tenantOf(c)))?.isDemo) throw new NotFound('no RFP in this tenant');
}
