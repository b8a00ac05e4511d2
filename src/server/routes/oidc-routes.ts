import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { mapClaims } from '../../core/identity/map-claims.js';
import { withActor } from '../../records/audit.js';
import { ApiError, SignInOptions } from '../api/schemas.js';
import { findProvider, listProviders, passwordLogin } from '../auth/identity-providers.js';
import { authorizationUrl, configurationOf, describeFailure, verifiedClaims } from '../auth/oidc-client.js';
import { savePendingLogin, takePendingLogin } from '../auth/oidc-logins.js';
import { CALLBACK_PATH, setStateCookie, tenantOfState } from '../auth/oidc-state-cookie.js';
import { upsertOidcUser } from '../auth/oidc-user.js';
import { startSession } from '../auth/start-session.js';
import { tenantIds } from '../auth/tenants.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { signInRefused } from './oidc-page.js';

/**
 * Single sign-on with the tenants' OpenID Connect providers (docs/sign-in.md): the login
 * page's list, the start (a redirect to the provider with PKCE, state and nonce) and the
 * callback (state, code exchange, ID token, claims to a role, then a session exactly as
 * a password sign-in gets). The tenant comes from the URL or the sign-in's own state.
 */
const ID = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);
const page = (description: string) => ({ content: { 'text/html': { schema: z.string() } }, description });
const TAGS = ['session'];

/**
 * Whose options the login page asks for: the tenant it names (a tenant's own login link),
 * else the store's only tenant. Never found from an e-mail: that would tell anyone which
 * e-mails have accounts, and where.
 */
async function tenantAsked(deps: ServerDeps, query: { tenant?: string }): Promise<string | null> {
  if (query.tenant) return query.tenant;
  const all = await tenantIds(deps.store);
  return all.length === 1 ? (all[0] as string) : null;
}

const redirectUri = (c: Context<AppEnv>, deps: ServerDeps, configured: string | undefined) =>
  configured ?? `${(deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '')}${CALLBACK_PATH}`;

export function oidcRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const providers = createRoute({
    method: 'get',
    path: '/api/auth/providers',
    operationId: 'listSignInOptions',
    summary: 'How a tenant’s users sign in: its identity providers and whether passwords work',
    tags: TAGS,
    request: { query: z.object({ tenant: ID.optional() }) },
    responses: {
      200: { content: { 'application/json': { schema: SignInOptions } }, description: 'options' },
      400: { content: { 'application/json': { schema: ApiError } }, description: 'not a tenant id' },
    },
  });
  app.openapi(providers, async (c) => {
    const tenant = await tenantAsked(deps, c.req.valid('query'));
    if (tenant === null) return c.json({ tenant: null, passwordLogin: true, providers: [] }, 200);
    const found = await deps.store.withSession({ tenant }, async (db) => ({
      list: await listProviders(db, tenant),
      password: await passwordLogin(db, tenant),
    }));
    return c.json(
      {
        tenant,
        passwordLogin: found.password,
        providers: found.list.map((p) => ({
          id: p.id,
          name: p.displayName,
          start: `/api/auth/oidc/${encodeURIComponent(tenant)}/${encodeURIComponent(p.id)}/start`,
        })),
      },
      200,
    );
  });

  const start = createRoute({
    method: 'get',
    path: '/api/auth/oidc/{tenant}/{idp}/start',
    operationId: 'startSingleSignOn',
    summary: 'Redirects to the identity provider (authorization code flow with PKCE, state and nonce)',
    tags: TAGS,
    request: {
      // Any text: an unknown tenant or provider is a 404 page like a missing one.
      params: z.object({ tenant: z.string().max(200), idp: z.string().max(200) }),
      query: z.object({ email: z.string().max(320).optional() }),
    },
    responses: {
      302: { description: 'to the provider' },
      400: {
        content: { 'application/json': { schema: ApiError } },
        description: 'a tenant or provider id too long',
      },
      404: page('no such provider'),
      429: page('too many sign-ins under way'),
      502: page('the provider could not be reached'),
    },
  });
  app.openapi(start, async (c) => {
    const { tenant, idp } = c.req.valid('param');
    const found = await deps.store.withSession({ tenant }, (db) => findProvider(db, tenant, idp));
    if (!found) return signInRefused(c, 404, `No identity provider ${idp} for ${tenant}.`);
    let started: Awaited<ReturnType<typeof authorizationUrl>>;
    try {
      const config = await configurationOf(tenant, found.provider, found.clientSecret);
      const hint = c.req.valid('query').email;
      started = await authorizationUrl(
        config,
        found.provider,
        redirectUri(c, deps, found.provider.redirectUri),
        hint,
      );
    } catch (error) {
      deps.log('warn', 'identity provider unreachable', { tenant, idp, error: describeFailure(error) });
      return signInRefused(c, 502, `${found.provider.displayName} could not be reached. Try again later.`);
    }
    const { state, nonce, codeVerifier } = started;
    const saved = await deps.store.withSession({ tenant }, (db) =>
      savePendingLogin(db, tenant, state, { idp, nonce, codeVerifier }),
    );
    if (!saved) return signInRefused(c, 429, 'Too many sign-ins are under way. Try again in a few minutes.');
    setStateCookie(c, deps, tenant, state);
    return c.redirect(started.url.href, 302);
  });

  const callback = createRoute({
    method: 'get',
    path: CALLBACK_PATH,
    operationId: 'finishSingleSignOn',
    summary: 'The provider’s redirect back: verifies it, maps the claims to a role and starts a session',
    tags: TAGS,
    request: { query: z.object({ state: z.string().max(500).optional() }).passthrough() },
    responses: {
      302: { description: 'signed in: to the dashboard' },
      400: page('no such sign-in under way, or the answer did not verify'),
      403: page('the provider refused, or the claims map to no role'),
    },
  });
  app.openapi(callback, async (c) => {
    const state = c.req.valid('query').state ?? '';
    const tenant = state ? tenantOfState(c, deps, state) : null;
    if (!tenant)
      return signInRefused(
        c,
        400,
        'This sign-in does not match one this browser started (state). Start again.',
      );
    const pending = await deps.store.withSession({ tenant }, (db) => takePendingLogin(db, tenant, state));
    if (!pending) return signInRefused(c, 400, 'This sign-in was already used or has expired. Start again.');
    const error = c.req.query('error');
    if (error) {
      const said = c.req.query('error_description')?.slice(0, 300);
      return signInRefused(c, 403, `The identity provider refused: ${error}${said ? ` (${said})` : ''}.`);
    }
    const found = await deps.store.withSession({ tenant }, (db) => findProvider(db, tenant, pending.idp));
    if (!found)
      return signInRefused(c, 400, `The identity provider ${pending.idp} was removed. Start again.`);
    const { provider, clientSecret } = found;
    let claims: Record<string, unknown>;
    try {
      const config = await configurationOf(tenant, provider, clientSecret);
      const answer = new URL(redirectUri(c, deps, provider.redirectUri));
      answer.search = new URL(c.req.url).search;
      claims = await verifiedClaims(config, provider, answer, { state, ...pending });
    } catch (failure) {
      const message = describeFailure(failure);
      deps.log('warn', 'single sign-on did not verify', { tenant, idp: provider.id, error: message });
      return signInRefused(c, 400, `${provider.displayName}'s answer did not verify: ${message}`);
    }
    const mapped = mapClaims(provider, claims);
    if (!mapped.ok) {
      deps.log('info', 'single sign-on refused', { tenant, idp: provider.id, reason: mapped.reason });
      return signInRefused(c, 403, `${mapped.reason}. Ask your administrator for access to Covenant.`);
    }
    // Audited as the provider that vouched for the user, not the server's OS account.
    const saved = await withActor(`idp:${provider.id}`, () =>
      deps.store.withSession({ tenant }, (db) => upsertOidcUser(db, tenant, provider.id, mapped.user)),
    );
    if (!saved)
      return signInRefused(
        c,
        403,
        `${mapped.user.email} is a user of another organisation on this server: e-mails are unique per server.`,
      );
    await startSession(c, deps, tenant, mapped.user.email);
    return c.redirect('/#/', 302);
  });
}
