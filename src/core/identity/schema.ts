import { z } from 'zod';
import { envelopeSchema } from '../yaml/envelope.js';

/** The shape of an IdentityProvider file; meaning (roles' claims, issuer scheme) is checked in parse-provider.ts. */

export const ROLES = ['client_admin', 'client_viewer', 'vendor_manager', 'team_lead', 'agent'] as const;
export const CLIENT_AUTH = ['client_secret_basic', 'client_secret_post', 'none'] as const;

const text = (what: string, max = 200) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .describe(what);

/** A claim's name: letters, digits and the punctuation claim names use (a URL for namespaced claims). */
const claim = (what: string) =>
  z
    .string({ error: `expected ${what}: the name of a claim` })
    .regex(/^[A-Za-z0-9_:/.#-]{1,200}$/, `${what}: a claim name (letters, digits, _ : / . # -)`)
    .describe(what);

const organisation = z
  .string({ error: 'expected an organisation: the client (tenant) or a vendor id' })
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'an organisation is a lowercase id, e.g. brightpath')
  .describe('the client (tenant) or a vendor id');

export const roleRuleSchema = z.strictObject({
  when: text('the claim value that grants the role (e.g. a group name)'),
  role: z.enum(ROLES, { error: `expected a role: one of ${ROLES.join(', ')}` }).describe(ROLES.join(' | ')),
  organisation,
});

const claimsSchema = z.strictObject({
  email: claim('the claim with the email').default('email'),
  name: claim('the claim with the display name').default('name'),
  groups: claim('the claim with the groups or roles (a string or a list)'),
  site: claim('the claim with a team lead’s or agent’s site').optional(),
  agentId: claim('the claim with an agent’s agent_id').optional(),
});

const specSchema = z.strictObject({
  issuer: text('the issuer URL (https; http only on loopback)', 2000),
  clientId: text('the client id registered at the provider'),
  clientAuth: z
    .enum(CLIENT_AUTH, { error: `expected clientAuth: one of ${CLIENT_AUTH.join(', ')}` })
    .default('client_secret_basic')
    .describe(CLIENT_AUTH.join(' | ')),
  scopes: z
    .array(text('a scope', 100), { error: 'expected scopes: a list, e.g. [openid, email, profile, groups]' })
    .min(1, 'scopes is empty: openid at least')
    .max(20, 'at most 20 scopes')
    .default(['openid', 'email', 'profile']),
  redirectUri: text('the callback URL registered at the provider', 2000).optional(),
  emailDomains: z
    .array(text('an email domain', 253), { error: 'expected emailDomains: a list of domains' })
    .max(50, 'at most 50 domains')
    .optional(),
  claims: claimsSchema,
  roles: z
    .array(roleRuleSchema, { error: 'expected roles: a list of { when, role, organisation }' })
    .min(1, 'roles is empty: no one could sign in')
    .max(200, 'at most 200 role rules'),
});

export const identityProviderSchema = envelopeSchema('IdentityProvider', specSchema, {
  what: 'identity provider',
}).describe('An OpenID Connect provider a tenant signs in with (docs/sign-in.md)');

export type ParsedIdentityProvider = z.output<typeof identityProviderSchema>;
export type RoleRule = z.output<typeof roleRuleSchema>;
export type ClaimNames = z.output<typeof claimsSchema>;
