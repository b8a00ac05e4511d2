import type { Dialect } from '../../core/sql/dialect.js';
import { flatPolicies } from './flat-policies.js';
import type { Migration } from './migrations.js';

/**
 * Migration 140 (versions 140-144 belong to the persisted measurements, issue 15): the
 * measured results of contracts' outcomes and key measurements, kept per tenant and data
 * version so a cold page reads them (query/measurement-cache.ts, docs/scaling.md). The
 * result is the engine's own JSON text (its number encoding keeps NaN and -0), not the
 * engine's JSON type. Row-level security is flat (no subquery, as Citus needs): the
 * tenant's client sessions only; a vendor's session sees and writes no entry, since an
 * entry is computed with the client's view of the data.
 */
export const MEASUREMENT_CACHE_MIGRATION: Migration = {
  version: 140,
  name: 'persisted measurements: results by data version and key',
  statements: (dialect: Dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      `CREATE TABLE measurement_cache (
        tenant ${text} NOT NULL,
        data_version BIGINT NOT NULL,
        cache_key ${text} NOT NULL,
        result ${text} NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, data_version, cache_key)
      )`,
      ...(dialect.rowLevelSecurity
        ? dialect.rowSecurity('measurement_cache', flatPolicies(dialect, 'false'))
        : []),
    ];
  },
};
