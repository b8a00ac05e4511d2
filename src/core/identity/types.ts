import type { CLIENT_AUTH, ClaimNames, ROLES, RoleRule } from './schema.js';

/** A tenant's OpenID Connect provider as Covenant uses it (the secret is kept apart: never printed). */
export interface IdentityProvider {
  /** The provider's id within the tenant (metadata.name): part of its sign-in URL. */
  id: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientAuth: (typeof CLIENT_AUTH)[number];
  scopes: string[];
  redirectUri?: string;
  emailDomains?: string[];
  claims: ClaimNames;
  roles: RoleRule[];
}

export type Role = (typeof ROLES)[number];

/** The user a provider's claims sign in as. */
export interface MappedUser {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  site: string | null;
  agentId: string | null;
}
