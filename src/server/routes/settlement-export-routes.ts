import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  exportSettlement,
  SETTLEMENT_FILES,
  type SettlementFile,
  settlementFileName,
} from '../../contracts/settlement-export.js';
import { LANGUAGES } from '../../core/i18n/index.js';
import { UserError } from '../../core/issues.js';
import { ApiError } from '../api/common-schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { languagePreferences } from '../language-preferences.js';
import { storeOf } from '../session-scope.js';
import { cachedInvoice, visibleContract } from './contract-routes.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/**
 * GET /api/contracts/{id}/settlement.xlsx|.csv|.pdf?period=: the invoice of
 * /api/contracts/{id}/settlement as a file, from the same cached computation (one number,
 * whichever file is asked for).
 */
export function settlementExportRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  for (const format of Object.keys(SETTLEMENT_FILES) as SettlementFile[]) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/contracts/{id}/settlement.${format}`,
        operationId: `exportSettlement${format[0]?.toUpperCase()}${format.slice(1)}`,
        summary: `A contract’s settlement for a period as ${format.toUpperCase()}`,
        tags: ['settlements'],
        request: {
          params: z.object({ id: z.string() }),
          query: z.object({ period: z.string().max(40), lang: z.enum(LANGUAGES).optional() }),
        },
        responses: {
          200: {
            content: { [SETTLEMENT_FILES[format]]: { schema: z.string().openapi({ format: 'binary' }) } },
            description: `the settlement as ${format.toUpperCase()} (covenant settle --format ${format})`,
          },
          400: json(ApiError, 'a period that is not one settlement period'),
          404: json(ApiError, 'no such contract (or not yours)'),
          503: json(ApiError, 'no Chromium on this server to print with (pdf)'),
        },
      }),
      async (c) => {
        const version = await visibleContract(deps, c, c.req.valid('param').id);
        const { period: text, lang } = c.req.valid('query');
        // The PDF speaks the reader's language: ?lang=, else theirs, else the tenant's.
        const language =
          lang ??
          (await languagePreferences(storeOf(c, deps), tenantOf(c), principalOf(c).user.email)).language;
        // The same cache entry as the JSON invoice, keyed by the caller's scope.
        const computed = await cachedInvoice(deps, c, version, text);
        const report = { contract: version.contractId, ...computed };
        let body: Buffer;
        try {
          body = await exportSettlement(report, format, language);
        } catch (error) {
          if (format === 'pdf' && error instanceof UserError) return c.json({ error: error.message }, 503);
          throw error;
        }
        return c.body(new Uint8Array(body), 200, {
          'content-type': SETTLEMENT_FILES[format],
          'content-disposition': `attachment; filename="${settlementFileName(report, format)}"`,
          'cache-control': 'private, no-store',
        });
      },
    );
  }
}
