import type { Result } from '../issues.js';
import { finishDocument, readDocument } from '../yaml/document.js';
import type { Reporter } from '../yaml/reporter.js';
import { identityProviderSchema, type ParsedIdentityProvider } from './schema.js';
import type { IdentityProvider } from './types.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** http is allowed only for a provider on this machine (tests, a local provider); https otherwise. */
export const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && LOOPBACK.has(url.hostname);

/**
 * Parses an IdentityProvider file: the envelope and shape, then what the shape cannot say
 * (the issuer's scheme, openid among the scopes, the claims a team lead's or agent's rule
 * needs, a claim value granted twice), every issue at once with file:line:column. Pure.
 */
export function parseIdentityProvider(text: string, file: string): Result<IdentityProvider> {
  const doc = readDocument(text, file, identityProviderSchema, 'IdentityProvider');
  if (!doc.ok) return doc;
  const { data, yaml } = doc.value;
  if (data) check(yaml.rep, data);
  return finishDocument(doc.value, data ? toProvider(data) : null);
}

function check(rep: Reporter, { spec }: ParsedIdentityProvider): void {
  url(rep, ['spec', 'issuer'], spec.issuer, 'the issuer');
  if (spec.redirectUri !== undefined) url(rep, ['spec', 'redirectUri'], spec.redirectUri, 'the redirect URI');
  if (!spec.scopes.includes('openid'))
    rep.node('openid_scope', ['spec', 'scopes'], 'scopes must include openid (this is OpenID Connect)');
  const seen = new Map<string, number>();
  spec.roles.forEach((rule, i) => {
    const at = ['spec', 'roles', i];
    const first = seen.get(rule.when);
    if (first !== undefined)
      rep.node('duplicate_value', [...at, 'when'], `${rule.when} is already mapped by roles[${first}]`);
    else seen.set(rule.when, i);
    if ((rule.role === 'team_lead' || rule.role === 'agent') && !spec.claims.site)
      rep.node('site_claim', [...at, 'role'], `a ${rule.role} needs a site: set claims.site`);
    if (rule.role === 'agent' && !spec.claims.agentId)
      rep.node('agent_claim', [...at, 'role'], 'an agent needs an agent id: set claims.agentId');
  });
}

function url(rep: Reporter, path: string[], written: string, what: string): void {
  let parsed: URL;
  try {
    parsed = new URL(written);
  } catch {
    rep.node('not_a_url', path, `${what} ${written} is not a URL (expected https://host/...)`);
    return;
  }
  if (parsed.protocol !== 'https:' && !isLoopbackHttp(parsed))
    rep.node('not_https', path, `${what} must use https (http only on 127.0.0.1 or localhost): ${written}`);
  if (parsed.search || parsed.hash)
    rep.node('url_query', path, `${what} takes no query or fragment: ${written}`);
}

const toProvider = ({ metadata, spec }: ParsedIdentityProvider): IdentityProvider => ({
  id: metadata.name,
  displayName: metadata.displayName ?? metadata.name,
  issuer: spec.issuer,
  clientId: spec.clientId,
  clientAuth: spec.clientAuth,
  scopes: spec.scopes,
  ...(spec.redirectUri ? { redirectUri: spec.redirectUri } : {}),
  ...(spec.emailDomains ? { emailDomains: spec.emailDomains.map((d) => d.toLowerCase()) } : {}),
  claims: spec.claims,
  roles: spec.roles,
});
