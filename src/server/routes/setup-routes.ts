import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { UserError } from '../../core/issues.js';
import { ApiError, User } from '../api/schemas.js';
import { completeSetup, type SetupInput } from '../auth/setup.js';
import { startSession } from '../auth/start-session.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { Forbidden } from '../scope.js';

const SetupBody = z
  .object({
    token: z.string().min(1).max(200),
    tenant: z.string().min(1).max(63),
    tenantName: z.string().min(1).max(200),
    email: z.string().min(3).max(320),
    name: z.string().max(200).default(''),
    password: z.string().min(8).max(1024),
  })
  .openapi('Setup');

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Covenant setup</title></head><body><main>${body}</main></body></html>`;

/** The form the printed link opens: the token rides along hidden, the rest is typed. */
const form = (token: string) =>
  page(`<h1>Set up Covenant</h1>
<p>Create your organisation (the tenant) and its first administrator. This link works once.</p>
<form method="post" action="/api/setup">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p><label>Organisation name <input name="tenantName" required maxlength="200"></label></p>
<p><label>Tenant id (letters, digits, - or _) <input name="tenant" required pattern="[A-Za-z0-9][A-Za-z0-9_\\-]{0,62}"></label></p>
<p><label>Your name <input name="name" maxlength="200"></label></p>
<p><label>E-mail <input name="email" type="email" required maxlength="320"></label></p>
<p><label>Password (8 characters or more) <input name="password" type="password" required minlength="8"></label></p>
<p><button type="submit">Create</button></p>
</form>`);

/**
 * The one-time setup of a store without users (auth/setup.ts): GET /setup is the page the
 * link opens, POST /api/setup creates the tenant and its client_admin and signs them in.
 * The form posts without script (the dashboard's CSP allows none inline); JSON works too.
 */
export function setupRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.get('/setup', (c) => c.html(form(c.req.query('token')?.slice(0, 200) ?? '')));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/setup',
      operationId: 'completeSetup',
      summary: 'Create a new store’s first tenant and client admin with its one-time setup link',
      tags: ['session'],
      request: {
        body: {
          content: {
            'application/json': { schema: SetupBody },
            'application/x-www-form-urlencoded': { schema: SetupBody },
          },
          // Not `required`: each content type is then validated only when it is the one sent.
          required: false,
        },
      },
      responses: {
        200: json(
          z.object({ user: User, tenant: z.string(), csrfToken: z.string() }),
          'created and signed in',
        ),
        303: { description: 'created and signed in (a form): to the dashboard' },
        400: json(ApiError, 'a field is missing or wrong'),
        403: json(ApiError, 'the link is used, expired or replaced, or the store has users'),
      },
    }),
    async (c) => {
      const isForm = !c.req.header('content-type')?.includes('application/json');
      try {
        const input: Partial<SetupInput> = isForm ? c.req.valid('form') : c.req.valid('json');
        // A request without a body validates as {}: say what is expected.
        if (!isComplete(input)) throw new UserError('send the setup form, or its fields as JSON');
        const user = await completeSetup(deps.store, input);
        const { csrf } = await startSession(c, deps, input.tenant, user.email);
        if (isForm) return c.redirect('/', 303);
        return c.json({ user, tenant: input.tenant, csrfToken: csrf }, 200);
      } catch (error) {
        if (!isForm || !(error instanceof UserError || error instanceof Forbidden)) throw error;
        const status = error instanceof Forbidden ? 403 : 400;
        return c.html(page(`<h1>Not set up</h1><p>${escapeHtml(error.message)}</p>`), status);
      }
    },
  );
}

const isComplete = (input: Partial<SetupInput>): input is SetupInput =>
  ['token', 'tenant', 'tenantName', 'email', 'name', 'password'].every(
    (key) => typeof input[key as keyof SetupInput] === 'string',
  );
