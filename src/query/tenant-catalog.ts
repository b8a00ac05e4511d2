import { AsyncLocalStorage } from 'node:async_hooks';
import { setCallerTenant } from '../core/metric/catalog.js';

/**
 * Whose metric catalog code reads (core/metric/catalog.ts): the tenant given here, for
 * fn and everything it awaits, however many tenants' requests run at once.
 */
const caller = new AsyncLocalStorage<string>();
setCallerTenant(() => caller.getStore());

export const inTenantCatalog = <T>(tenant: string, fn: () => T): T => caller.run(tenant, fn);
