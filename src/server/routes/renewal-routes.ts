import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { StoredVersion } from '../../contracts/contract-store.js';
import { LANGUAGES } from '../../core/i18n/index.js';
import { UserError } from '../../core/issues.js';
import { renderScorecardHtml } from '../../core/renewal/html.js';
import type { Scorecard } from '../../core/renewal/types.js';
import { isDate } from '../../core/time/calendar.js';
import { htmlToPdf } from '../../renewal/pdf.js';
import { buildScorecard, resolveAsOf } from '../../renewal/scorecard.js';
import { ApiError } from '../api/common-schemas.js';
import { RenewalScorecard } from '../api/renewal-schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { languagePreferences } from '../language-preferences.js';
import { clampAsOf, scorecardFor } from '../renewal-view.js';
import { scopeKey, storeOf } from '../session-scope.js';
import { visibleContract } from './contract-routes.js';

/**
 * The renewal scorecard (docs/renewal.md) over HTTP: the same JSON as `covenant renewal
 * --format json`, and the scorecard's PDF printed from the same HTML as the CLI's. The RFP
 * comparison and submitted responses are in rfp-routes.ts.
 */

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const notFound = json(ApiError, 'no such contract (or not yours)');
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

export function renewalRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  /** The as-of date asked for, or today in the contract's zone (a date, so the result caches per day). */
  const asOfDate = (version: StoredVersion, asOf: string | undefined) => {
    if (asOf !== undefined && !isDate(asOf)) throw new UserError(`asOf ${asOf}: not a calendar date`);
    return clampAsOf(resolveAsOf(asOf, version.contract.timezone).date, version.contract.term.end);
  };

  /** One scorecard build at a time: each costs seconds, and a burst must queue, not take every core. */
  let building: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = building.then(work, work);
    building = next.catch(() => undefined);
    return next;
  };

  // Built in the caller's session and cached per scope; what a vendor may not see is removed after.
  const scorecard = (c: Context<AppEnv>, version: StoredVersion, date: string): Promise<Scorecard> =>
    deps.cache
      .get(deps.events.version, `renewal:${scopeKey(c)}:${version.contractId}:${date}`, () =>
        oneAtATime(() => buildScorecard(storeOf(c, deps), tenantOf(c), version.contractId, { asOf: date })),
      )
      .then((card) => scorecardFor(principalOf(c), card));

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
      operationId: 'getRenewal',
      summary: 'A contract’s renewal scorecard',
      tags: ['renewal'],
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
      const card = await scorecard(c, version, asOfDate(version, c.req.valid('query').asOf));
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/renewal.pdf',
      operationId: 'getRenewalPdf',
      summary: 'A contract’s renewal scorecard as PDF',
      tags: ['renewal'],
      request: { params: id, query: asOfQuery.extend({ lang: z.enum(LANGUAGES).optional() }) },
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
      const { asOf, lang } = c.req.valid('query');
      const date = asOfDate(version, asOf);
      const card = await scorecard(c, version, date);
      // The PDF speaks the reader's language: ?lang=, else theirs, else the tenant's.
      const language =
        lang ??
        (await languagePreferences(storeOf(c, deps), tenantOf(c), principalOf(c).user.email)).language;
      let pdf: Buffer;
      try {
        const party = principalOf(c).user.kind;
        pdf = await deps.cache.get(
          deps.events.version,
          `renewal-pdf:${scopeKey(c)}:${party}:${version.contractId}:${date}:${language}`,
          () => printPdf(renderScorecardHtml(card, language)),
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
}
