import * as client from 'openid-client';
import { isLoopbackHttp } from '../../core/identity/parse-provider.js';
import type { StoredProvider } from './identity-providers.js';

/**
 * The relying party's side of the code flow, on openid-client: the provider's metadata
 * (discovered once per provider version, for DISCOVERY_MS), the authorization URL with
 * PKCE (S256), state and nonce, and the callback's checks (state, the code exchange with
 * the verifier, the ID token's signature, issuer, audience, expiry and nonce).
 */
const DISCOVERY_MS = 10 * 60_000;
const MAX_CACHED = 1_000;
const cache = new Map<string, { at: number; config: Promise<client.Configuration> }>();

function clientAuth(provider: StoredProvider, secret: string | null): client.ClientAuth {
  if (provider.clientAuth === 'none') return client.None();
  const given = secret ?? '';
  return provider.clientAuth === 'client_secret_post'
    ? client.ClientSecretPost(given)
    : client.ClientSecretBasic(given);
}

export function configurationOf(
  tenant: string,
  provider: StoredProvider,
  secret: string | null,
): Promise<client.Configuration> {
  const key = JSON.stringify([tenant, provider.id, provider.updatedAt]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_MS) return hit.config;
  const issuer = new URL(provider.issuer);
  const config = client.discovery(issuer, provider.clientId, undefined, clientAuth(provider, secret), {
    timeout: 10,
    // Only a provider on this machine may be plain http (parse-provider.ts refuses others).
    ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
  });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, { at: Date.now(), config });
  config.catch(() => cache.delete(key));
  return config;
}

export interface Started {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationUrl(
  config: client.Configuration,
  provider: StoredProvider,
  redirectUri: string,
  loginHint?: string,
): Promise<Started> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the callback's code and returns the verified claims: the ID token's, with the
 * userinfo endpoint's added when the ID token lacks a mapped claim (providers that keep
 * scope claims out of ID tokens); the userinfo's subject must be the ID token's.
 */
export async function verifiedClaims(
  config: client.Configuration,
  provider: StoredProvider,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider sent no ID token');
  const wanted = [
    provider.claims.email,
    provider.claims.groups,
    provider.claims.site,
    provider.claims.agentId,
  ];
  const missing = wanted.some((name) => name !== undefined && claims[name] === undefined);
  if (!missing || !config.serverMetadata().userinfo_endpoint) return { ...claims };
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  return { ...info, ...claims };
}

/**
 * What went wrong, in words, for the refusal page and the log: the library's message, the
 * check that failed beneath it, and the provider's OAuth error. Never the values compared
 * (tokens, claims) nor the request (the client secret).
 */
export function describeFailure(failure: unknown): string {
  if (!(failure instanceof Error)) return 'unknown error';
  const parts = [failure.message];
  const cause = failure.cause;
  if (cause instanceof Error && cause.message !== failure.message) parts.push(cause.message);
  const oauth = failure as Error & { error?: unknown; error_description?: unknown };
  if (typeof oauth.error === 'string')
    parts.push(
      typeof oauth.error_description === 'string'
        ? `${oauth.error}: ${oauth.error_description}`
        : oauth.error,
    );
  return parts.join('; ').slice(0, 500);
}
