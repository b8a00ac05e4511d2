import { z } from '@hono/zod-openapi';

/** Signing in and the signed-in user. */

export const Role = z.enum(['client_admin', 'client_viewer', 'vendor_manager', 'team_lead', 'agent']);

export const User = z
  .object({
    email: z.string(),
    name: z.string(),
    role: Role,
    /** The client organisation (the tenant) or a vendor id. */
    organisation: z.string(),
    kind: z.enum(['client', 'vendor']),
    site: z.string().nullable(),
    agentId: z.string().nullable(),
  })
  .openapi('User');

export const Me = z
  .object({
    user: User,
    csrfToken: z.string(),
    /** The tenant's id, its display name, and whether it is a demo (the header says so). */
    tenant: z.string(),
    tenantName: z.string(),
    isDemo: z.boolean(),
  })
  .openapi('Me');

export const Login = z
  .object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) })
  .openapi('Login');

export type UserT = z.infer<typeof User>;
export type MeT = z.infer<typeof Me>;
