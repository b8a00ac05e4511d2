import type { Context, MiddlewareHandler } from 'hono';
import { inTenantCatalog } from '../query/tenant-catalog.js';
import type { Store } from '../store/store.js';
import type { AppEnv, ServerDeps } from './deps.js';

/** Requests that must not hold a database session open: the event stream and uploads. */
const UNSCOPED = ['/api/events', '/api/imports/'];

/**
 * Reads run in a database session scoped to the caller's tenant and organisation: on PostgreSQL the
 * row-level security policies then hide other vendors' rows even if a route forgot a
 * filter; on DuckDB the session is the store (the routes' filters are the isolation).
 */
export function sessionScope(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) return next();
    const { tenant } = principal;
    // The metric catalog the request reads is its tenant's (core/metric/catalog.ts).
    return inTenantCatalog(tenant, async () => {
      if (UNSCOPED.some((path) => c.req.path.startsWith(path))) return next();
      const vendor = principal.user.kind === 'vendor' ? principal.user.organisation : undefined;
      await deps.store.withSession({ tenant, ...(vendor ? { vendor } : {}) }, async (session) => {
        c.set('store', session);
        await next();
      });
    });
  };
}

/**
 * The caller's scoped store. Routes get only this: outside a session (signed out, or the
 * event stream and uploads) there is none, and asking is a bug, not a fallback to the
 * unscoped store.
 */
export const storeOf = (c: Context<AppEnv>, _deps: ServerDeps): Store => {
  const store = c.get('store');
  if (!store) throw new Error(`no session store for ${c.req.path}`);
  return store;
};

/** A cache key prefix for results read through a scoped session: the tenant, then the organisation. */
export const scopeKey = (c: Context<AppEnv>) => {
  const principal = c.get('principal');
  if (!principal) throw new Error(`no principal for ${c.req.path}`);
  const { tenant, user } = principal;
  return user.kind === 'vendor' ? `${tenant}:vendor:${user.organisation}` : `${tenant}:client`;
};
