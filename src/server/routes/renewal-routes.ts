import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { StoredVersion } from '../../contracts/contract-store.js';
import { type Issue, UserError } from '../../core/issues.js';
import { renderScorecardHtml } from '../../core/renewal/html.js';
import type { Scorecard } from '../../core/renewal/types.js';
import { evaluateRfp, type RfpEvaluation, type VendorEvaluation } from '../../core/rfp/evaluate.js';
import { parseResponse } from '../../core/rfp/parse.js';
import { PRICING_MODELS } from '../../core/rfp/schema.js';
import type { Rfp, RfpResponse, RfpScores } from '../../core/rfp/types.js';
import { isDate } from '../../core/time/calendar.js';
import { isRecord, readYaml, valueAt } from '../../core/yaml/read-yaml.js';
import { htmlToPdf } from '../../renewal/pdf.js';
import { loadRfpFiles } from '../../renewal/rfp-files.js';
import { buildScorecard, resolveAsOf } from '../../renewal/scorecard.js';
import {
  ApiError,
  RenewalScorecard,
  RfpComparison,
  RfpQuestions,
  RfpResponseSubmission,
  RfpSubmissionResult,
} from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { Forbidden, type Principal, partyOf } from '../scope.js';
import { visibleContract } from './contract-routes.js';

/**
 * The renewal scorecard (docs/renewal.md) and the RFP comparison (docs/rfp.md) over HTTP:
 * the same JSON as `covenant renewal --format json` and `covenant rfp score --format json`,
 * the scorecard's PDF printed from the same HTML as the CLI's, and vendor responses
 * submitted through the dashboard. Submitted responses live in this server's memory (one
 * map per app, lost on restart); they join the comparison unscored until evaluators score
 * them in an RFPScores file.
 */

/** The package root (src/server/routes or dist/server/routes, three levels up), as load-demo finds contracts/. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The demo RFP with its responses and evaluators' scores (docs/rfp.md, The demo). */
const DEMO_RFP = {
  rfp: join(ROOT, 'rfp', 'default-rfp.yaml'),
  responses: join(ROOT, 'rfp', 'demo', 'responses'),
  scores: join(ROOT, 'rfp', 'demo', 'scores'),
};

/** Limits of a submission: the JSON or YAML body as a whole, and each evidence file in it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const notFound = json(ApiError, 'no such contract (or not yours)');
const forbidden = json(ApiError, 'not for this role');
const id = z.object({ id: z.string() });
const asOfQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf is a date YYYY-MM-DD')
    .optional()
    .openapi({
      description:
        "score the term up to the day before this date (the contract's zone); default: today in the contract's zone",
      example: '2027-01-01',
    }),
});

/** The client's users (the comparison is the client's), as metric-routes decides value metrics. */
const isClientUser = (p: Principal) => p.user.kind === 'client';

/** A path under the package root as the CLI prints it when run there (never the server's absolute path). */
const shown = (file: string | undefined): string | undefined => {
  if (file === undefined || !file.startsWith(ROOT)) return file;
  return relative(ROOT, file).split(sep).join('/');
};

interface Submission {
  response: RfpResponse;
  attachments: Map<string, string>;
  submittedAt: string;
  submittedBy: string;
  warnings: Issue[];
}

const summaryOf = (s: Submission) => ({
  vendor: s.response.vendor,
  submittedAt: s.submittedAt,
  submittedBy: s.submittedBy,
  attachments: [...s.attachments].map(([name, text]) => ({ name, bytes: Buffer.byteLength(text) })),
  warnings: s.warnings as unknown as Record<string, unknown>[],
});

export function renewalRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  // --- Renewal scorecard -----------------------------------------------------------------

  /** The as-of date asked for, or today in the contract's zone (a date, so the result caches per day). */
  const asOfDate = (version: StoredVersion, asOf: string | undefined) => {
    if (asOf !== undefined && !isDate(asOf)) throw new UserError(`asOf ${asOf}: not a calendar date`);
    return resolveAsOf(asOf, version.contract.timezone).date;
  };

  const scorecard = (version: StoredVersion, date: string): Promise<Scorecard> =>
    deps.cache.get(deps.events.version, `renewal:${version.contractId}:${date}`, () =>
      buildScorecard(deps.store, deps.tenant, version.contractId, { asOf: date }),
    );

  /** One Chromium at a time: PDFs are printed one after the other. */
  let printing: Promise<unknown> = Promise.resolve();
  const printPdf = (html: string): Promise<Buffer> => {
    const next = printing.then(
      () => htmlToPdf(html),
      () => htmlToPdf(html),
    );
    printing = next.catch(() => undefined);
    return next;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/renewal',
      request: { params: id, query: asOfQuery },
      responses: {
        200: json(
          RenewalScorecard,
          'the renewal scorecard: outcomes, money, value, operations, recommendation',
        ),
        400: json(ApiError, 'an as-of date that is not a date, or before the term starts'),
        404: notFound,
      },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const card = await scorecard(version, asOfDate(version, c.req.valid('query').asOf));
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/renewal.pdf',
      request: { params: id, query: asOfQuery },
      responses: {
        200: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'the scorecard as the CLI prints it (`covenant renewal --format pdf`), A4',
        },
        400: json(ApiError, 'an as-of date that is not a date, or before the term starts'),
        404: notFound,
        503: json(ApiError, 'no Chromium on this server to print with'),
      },
    }),
    async (c) => {
      const version = await visibleContract(deps, c, c.req.valid('param').id);
      const date = asOfDate(version, c.req.valid('query').asOf);
      const card = await scorecard(version, date);
      let pdf: Buffer;
      try {
        pdf = await deps.cache.get(deps.events.version, `renewal-pdf:${version.contractId}:${date}`, () =>
          printPdf(renderScorecardHtml(card)),
        );
      } catch (error) {
        if (error instanceof UserError) return c.json({ error: error.message }, 503);
        throw error;
      }
      const filename = `${version.contractId}-renewal-${date}.pdf`;
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      });
    },
  );

  // --- RFP: the comparison and submitted responses ---------------------------------------

  /** Vendor -> their latest submitted response (this server's memory only). */
  const submissions = new Map<string, Submission>();
  let revision = 0;

  let files: Promise<{ rfp: Rfp; responses: RfpResponse[]; scores: RfpScores[] }> | null = null;
  const demoFiles = () => {
    files ??= loadRfpFiles(DEMO_RFP).catch((error: unknown) => {
      files = null;
      throw error;
    });
    return files;
  };

  /** A submitted response as the comparison shows it: classified, evidence checked, no scores. */
  const unscoredEntry = (
    rfp: Rfp,
    s: Submission,
  ): VendorEvaluation & { unscored: true; submittedAt: string } => {
    const alone = evaluateRfp({
      rfp,
      responses: [s.response],
      scores: [],
      attachmentExists: (_response, file) => s.attachments.has(file),
    });
    const entry = alone.vendors[0] as VendorEvaluation;
    return { ...entry, unscored: true, submittedAt: s.submittedAt };
  };

  /**
   * The comparison: the demo files' responses and scores, ranked; a vendor who submitted a
   * response here leaves the ranking (the evaluators scored their earlier response) and is
   * listed after it as unscored. Without submissions this is the CLI's JSON.
   */
  let evaluated: { revision: number; value: Promise<RfpEvaluation & Record<string, unknown>> } | null = null;
  const comparison = () => {
    if (evaluated?.revision !== revision) {
      const at = revision;
      const value = demoFiles().then(({ rfp, responses, scores }) => {
        const pending = [...submissions.values()].sort((a, b) =>
          a.response.vendor.localeCompare(b.response.vendor),
        );
        const superseded = new Set(pending.map((s) => s.response.vendor));
        const evaluation = evaluateRfp({
          rfp,
          responses: responses.filter((r) => !superseded.has(r.vendor)),
          scores,
          attachmentExists: (response, file) => existsSync(resolve(dirname(response.file), file)),
        });
        const out: RfpEvaluation & Record<string, unknown> = {
          ...evaluation,
          vendors: [
            ...evaluation.vendors.map((v) => ({ ...v, file: shown(v.file) ?? v.file })),
            ...pending.map((s) => unscoredEntry(rfp, s)),
          ],
          evaluators: evaluation.evaluators.map((e) => ({ ...e, file: shown(e.file) ?? e.file })),
          issues: evaluation.issues.map((i) => (i.file ? { ...i, file: shown(i.file) } : i)),
        };
        if (pending.length > 0) out.submissions = pending.map(summaryOf);
        return out;
      });
      value.catch(() => {
        if (evaluated?.revision === at) evaluated = null;
      });
      evaluated = { revision: at, value };
    }
    return evaluated.value;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfp',
      responses: {
        200: json(
          RfpComparison,
          'the ranking, agreement, sensitivity and classification (`rfp score --format json`)',
        ),
        403: forbidden,
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      if (!isClientUser(principal)) throw new Forbidden('the RFP comparison is the client’s');
      return c.json((await comparison()) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rfp/questions',
      responses: {
        200: json(
          RfpQuestions,
          'the RFP as a vendor answers it: sections, questions and the evidence asked for',
        ),
        403: forbidden,
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const vendor = partyOf(principal) === 'vendor';
      if (!vendor && !isClientUser(principal))
        throw new Forbidden(`${principal.user.role} does not answer or read the RFP`);
      const { rfp } = await demoFiles();
      const own = vendor ? submissions.get(principal.user.organisation) : undefined;
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

  const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];
  const typeOf = (header: string | undefined) => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

  // Refusals that the generic error mapping would turn into 500s: too large, not JSON or YAML, malformed JSON.
  app.use(
    '/api/rfp/responses',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `a response is at most ${MAX_BODY_BYTES / 1024 / 1024} MiB` }, 413),
    }),
    async (c, next) => {
      if (c.req.method !== 'POST') return next();
      const type = typeOf(c.req.header('content-type'));
      if (type === 'application/json') {
        try {
          await c.req.json();
        } catch {
          return c.json({ error: 'the body is not valid JSON' }, 400);
        }
      } else if (!YAML_TYPES.includes(type)) {
        return c.json(
          { error: 'send application/json ({ response, attachments }) or the RFPResponse YAML' },
          415,
        );
      }
      return next();
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rfp/responses',
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
      const problems: Issue[] = parsed.ok ? [] : [...parsed.issues];
      const names = new Map<string, number>();
      attachments.forEach((a, i) => {
        const first = names.get(a.name);
        if (first !== undefined)
          problems.push({
            code: 'duplicate_attachment',
            path: ['attachments', i, 'name'],
            message: `attachment ${a.name} is sent twice (first as attachments[${first}])`,
          });
        else names.set(a.name, i);
      });
      if (raw.ok) {
        // Each evidence file names an attachment sent with the response (the server has no other files).
        const answers = valueAt(raw.value.js, ['spec', 'answers']);
        (Array.isArray(answers) ? answers : []).forEach((answer, i) => {
          const evidence = isRecord(answer) ? answer.evidence : undefined;
          (Array.isArray(evidence) ? evidence : []).forEach((item, k) => {
            const ref = isRecord(item) ? item.file : undefined;
            if (typeof ref !== 'string' || names.has(ref)) return;
            raw.value.rep.node(
              'unknown_attachment',
              ['spec', 'answers', i, 'evidence', k, 'file'],
              names.size > 0
                ? `no attachment ${ref} was sent; attached: ${[...names.keys()].join(', ')}`
                : `no attachment ${ref} was sent (attach the file, or give a url)`,
            );
          });
        });
        problems.push(...raw.value.rep.issues);
      }
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
      submissions.set(organisation, submission);
      revision += 1;
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
