import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiError } from './api/common-schemas.js';
import type { AppEnv } from './deps.js';

/**
 * The API reference page at /api/docs: Swagger UI from the installed swagger-ui-dist
 * package, served by this server (the product works offline: no CDN), reading
 * /api/openapi.json. No inline script or style, so the dashboard's CSP covers it.
 */

export const API_DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Covenant API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head><body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

/**
 * Starts Swagger UI. "Try it out" works with the browser's session: changes carry the
 * session's CSRF token (from GET /api/me when signed in), as the dashboard's do.
 */
const INIT_JS = `'use strict';
let csrf = null;
fetch('/api/me', { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => { csrf = me ? me.csrfToken : null; })
  .catch(() => undefined);
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  requestInterceptor: (request) => {
    if (csrf && !['GET', 'HEAD'].includes(String(request.method).toUpperCase())) request.headers['x-csrf-token'] = csrf;
    return request;
  },
});
`;

/** The package's files the page uses, by the name they are served under, with their type. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const packageDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const html = { 200: { content: { 'text/html': { schema: z.string() } }, description: 'the page' } };

export function apiDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/docs',
      operationId: 'getApiReference',
      summary: 'This API’s reference page (Swagger UI, served offline)',
      tags: ['service'],
      responses: html,
    }),
    (c) => c.html(API_DOCS_HTML, 200),
  );
  // Read once, on first use; only the named files, so no path reaches the file system.
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/docs/{file}',
      operationId: 'getApiReferenceFile',
      summary: 'A file of the reference page (its script, style and icon)',
      tags: ['service'],
      request: {
        params: z.object({ file: z.enum(['init.js', ...Object.keys(ASSETS)] as [string, ...string[]]) }),
      },
      responses: {
        200: {
          content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
          description: 'the file',
        },
        400: { content: { 'application/json': { schema: ApiError } }, description: 'not one of the files' },
      },
    }),
    async (c) => {
      const { file } = c.req.valid('param');
      const headers = { 'cache-control': 'public, max-age=3600' };
      if (file === 'init.js')
        return c.body(INIT_JS, 200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      let body = cache.get(file);
      if (!body) {
        body = readFile(join(packageDir(), file)).then((b) => new Uint8Array(b));
        cache.set(file, body);
      }
      return c.body(await body, 200, {
        ...headers,
        'content-type': ASSETS[file] ?? 'application/octet-stream',
      });
    },
  );
}
