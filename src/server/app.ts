import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { registerSecuritySchemes } from './api/openapi-document.js';
import { documentPlainRoutes } from './api/plain-route-docs.js';
import { apiDocsRoutes } from './api-docs.js';
import { authenticate } from './auth/middleware.js';
import type { AppEnv, ServerDeps } from './deps.js';
import { onError } from './errors.js';
import { requestLimits } from './limits.js';
import { requestLog } from './request-log.js';
import { authRoutes } from './routes/auth-routes.js';
import { contractRoutes } from './routes/contract-routes.js';
import { dataRoutes } from './routes/data-routes.js';
import { disputeRoutes, recordsActor } from './routes/dispute-routes.js';
import { evidenceRoutes } from './routes/evidence-routes.js';
import { languageRoutes } from './routes/language-routes.js';
import { metricRoutes } from './routes/metric-routes.js';
import { proposalRoutes } from './routes/proposal-routes.js';
import { renewalRoutes } from './routes/renewal-routes.js';
import { rfpRoutes } from './routes/rfp-routes.js';
import { serviceRoutes } from './routes/service-routes.js';
import { settlementExportRoutes } from './routes/settlement-export-routes.js';
import { setupRoutes } from './routes/setup-routes.js';
import { tableExportRoutes } from './routes/table-export-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { whatIfRoutes } from './routes/what-if-routes.js';
import { securityHeaders } from './security-headers.js';
import { sessionScope } from './session-scope.js';

/** The HTTP app: a small core (log, authenticate, route, map errors) and thin routes. */
export function createApp(deps: ServerDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: 'invalid request', issues: result.error.issues }, 400);
      return undefined;
    },
  });
  app.use('*', requestLog(deps));
  app.use('*', securityHeaders(deps));
  app.use('*', requestLimits(deps));
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', sessionScope(deps));
  app.use('/api/*', recordsActor());
  app.onError(onError(deps));
  registerSecuritySchemes(app);
  for (const routes of [
    serviceRoutes,
    authRoutes,
    metricRoutes,
    contractRoutes,
    proposalRoutes,
    dataRoutes,
    renewalRoutes,
    rfpRoutes,
    disputeRoutes,
    webhookRoutes,
    evidenceRoutes,
    whatIfRoutes,
    settlementExportRoutes,
    tableExportRoutes,
    languageRoutes,
    setupRoutes,
  ])
    routes(app, deps);
  apiDocsRoutes(app);
  documentPlainRoutes(app);
  app.all('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  if (deps.webRoot) {
    const root = deps.webRoot;
    app.use('/*', serveStatic({ root }));
    app.get('*', async (c) => c.html(await readFile(join(root, 'index.html'), 'utf8')));
  }
  return app;
}
