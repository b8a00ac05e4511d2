import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/** The tenant's sites with their vendor and zone (what the caller's session lets it read). */
export const listSites = (db: Executor, tenant: string) =>
  db.query<{ site: string; vendor: string; timezone: string }>(
    sql`SELECT site, vendor, timezone FROM sites WHERE tenant = ${tenant} ORDER BY site`,
  );
