import type { IdentityProvider, MappedUser } from './types.js';

export type Mapping = { ok: true; user: MappedUser } | { ok: false; reason: string };

const MAX_VALUES = 500;

/** A claim as a list of strings: a provider sends groups as a list, a space-separated string or one value. */
function values(claim: unknown): string[] {
  if (Array.isArray(claim))
    return claim.filter((v): v is string => typeof v === 'string').slice(0, MAX_VALUES);
  if (typeof claim === 'string')
    return claim
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, MAX_VALUES);
  return [];
}

const single = (claim: unknown): string | null =>
  typeof claim === 'string' && claim.length > 0 && claim.length <= 320 ? claim : null;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Who the provider's verified claims sign in as: the first role rule (in the file's
 * order) whose value the groups claim holds. No rule, no sign-in: the provider
 * vouches for the person, the tenant's rules decide what they may see. Pure.
 */
export function mapClaims(provider: IdentityProvider, claims: Record<string, unknown>): Mapping {
  const names = provider.claims;
  const email = single(claims[names.email])?.toLowerCase();
  if (!email || !EMAIL.test(email))
    return { ok: false, reason: `the provider sent no email in the ${names.email} claim` };
  if (claims.email_verified === false)
    return { ok: false, reason: `the provider has not verified the email ${email}` };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (provider.emailDomains && !provider.emailDomains.includes(domain))
    return {
      ok: false,
      reason: `${provider.displayName} may sign in emails of ${provider.emailDomains.join(', ')}, not ${email}`,
    };
  const held = new Set(values(claims[names.groups]));
  const rule = provider.roles.find((r) => held.has(r.when));
  if (!rule)
    return {
      ok: false,
      reason: `no role for ${email}: none of the ${names.groups} claim's values is mapped to a role in Covenant`,
    };
  const site = names.site ? single(claims[names.site]) : null;
  const agentId = names.agentId ? single(claims[names.agentId]) : null;
  if ((rule.role === 'team_lead' || rule.role === 'agent') && !site)
    return { ok: false, reason: `${email} is a ${rule.role} but the ${names.site} claim has no site` };
  if (rule.role === 'agent' && !agentId)
    return { ok: false, reason: `${email} is an agent but the ${names.agentId} claim has no agent id` };
  return {
    ok: true,
    user: {
      email,
      name: single(claims[names.name]) ?? email,
      role: rule.role,
      organisation: rule.organisation,
      site: rule.role === 'team_lead' || rule.role === 'agent' ? site : null,
      agentId: rule.role === 'agent' ? agentId : null,
    },
  };
}
