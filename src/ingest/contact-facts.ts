import { deleteTouchedDaysSql, insertTouchedDaysSql, touchedDaysSql } from '../core/metric/rollup-refresh.js';
import type { Dialect } from '../core/sql/dialect.js';
import { raw, type Sql, sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import {
  contactGapsSelect,
  contactGapsSql,
  GAP_COLUMNS,
  insertedGapsJoin,
  storesContactsSql,
  touchedPartsSql,
  updateStoredGapsSql,
} from './contact-facts-sql.js';
import type { DerivedColumns } from './load-sql.js';
import {
  batchCustomersVendorsSql,
  CHILD_VENDOR_COLUMN,
  childVendorSql,
  dropParentVendorsSql,
  parentVendorsSql,
  takesVendorInInsert,
  touchedCustomersVendorsSql,
  VENDOR_FROM,
} from './scope-vendor-sql.js';

/** What one batch writes, as the load step knows it. */
export interface BatchShape {
  dialect: Dialect;
  tenant: string;
  accepted: string;
  /** Stored rows the batch's keys matched, and of those the ones it replaces. */
  matched: number;
  replaced: number;
  batchId: number;
  /** Rows the batch writes (new or changed). */
  written: number;
}

const LARGE_BATCH = 100_000;

/**
 * The facts an import keeps beside a dataset's rows, around its delete and insert: for
 * interactions, each contact's gaps to its customer's previous and next contact on the
 * workflow (contact-facts-sql.ts) and, where the store keeps them, the daily rollups
 * (core/metric/rollup-refresh.ts). Other datasets keep none.
 */
export interface BatchFacts {
  beforeDelete(): Promise<void>;
  /** The derived columns the insert writes. */
  beforeInsert(): Promise<DerivedColumns | undefined>;
  afterInsert(): Promise<void>;
}

const NONE: BatchFacts = {
  beforeDelete: async () => undefined,
  beforeInsert: async () => undefined,
  afterInsert: async () => undefined,
};

export function batchFacts(dataset: string, target: Executor, shape: BatchShape): BatchFacts {
  const facts = dataset === 'interactions' ? interactionFacts(target, shape) : NONE;
  if (!shape.dialect.rowLevelSecurity) return facts;
  const inInsert = takesVendorInInsert(dataset);
  return {
    ...facts,
    async beforeInsert() {
      const derived = await facts.beforeInsert();
      if (!inInsert) return derived;
      // Updating the batch's rows afterwards rewrote every row (10.6 s for a year of 390,000
      // agent states). The parent rows are copied to a temporary table first: Citus crashed on
      // an insert joining the staged rows to the distributed agents table.
      for (const statement of parentVendorsSql(shape.tenant)) await target.run(statement);
      return withDerived(derived, CHILD_VENDOR_COLUMN);
    },
    async afterInsert() {
      const statements = scopeVendorSql(dataset, shape.tenant, shape.batchId);
      // The joins below plan on statistics that count a large batch (on Citus, the shards' own).
      if (statements.length > 0 && shape.written >= LARGE_BATCH)
        await target.run(sql`ANALYZE ${raw(dataset)}`);
      for (const statement of statements) await target.run(statement);
      if (inInsert) await target.run(dropParentVendorsSql);
      await facts.afterInsert();
    },
  };
}

/**
 * The vendor denormalised for row-level security (scope-vendor-sql.ts), after the insert:
 * on the batch's own rows (unless they took it in the insert), on the children of the
 * batch's rows, on the customers its contacts touched (before touched_parts is dropped).
 */
function scopeVendorSql(dataset: string, tenant: string, batchId: number): Sql[] {
  return [
    ...(VENDOR_FROM[dataset] && !takesVendorInInsert(dataset)
      ? [childVendorSql(dataset, tenant, batchId, 'child')]
      : []),
    ...Object.entries(VENDOR_FROM)
      .filter(([, from]) => from.parent === dataset)
      .map(([child]) => childVendorSql(child, tenant, batchId, 'parent')),
    ...(dataset === 'customers' ? [batchCustomersVendorsSql(tenant, batchId)] : []),
    ...(dataset === 'interactions' ? [touchedCustomersVendorsSql(tenant)] : []),
  ];
}

const withDerived = (a: DerivedColumns | undefined, b: DerivedColumns): DerivedColumns =>
  a
    ? {
        columns: [...a.columns, ...b.columns],
        values: [...a.values, ...b.values],
        join: sql`${a.join}${b.join}`,
        ...(a.orderBy ? { orderBy: a.orderBy } : {}),
      }
    : b;

function interactionFacts(target: Executor, shape: BatchShape): BatchFacts {
  const { dialect, tenant, accepted, matched, replaced } = shape;
  const drop = async (tables: string[]) => {
    for (const t of tables) await target.run(sql`DROP TABLE IF EXISTS ${raw(t)}`);
  };
  // A store that enforces row-level security reads touched_parts after the insert too.
  let stored = true;
  return {
    async beforeDelete() {
      if (matched === 0 && !dialect.rowLevelSecurity) {
        const [row] = await target.query<{ stored: boolean }>(storesContactsSql(tenant));
        stored = row?.stored ?? true;
      }
      if (stored) await target.run(touchedPartsSql(accepted, tenant, matched, replaced));
      if (!dialect.dailyRollups) return;
      const written =
        matched > 0
          ? sql`${raw(accepted)} a LEFT JOIN matched_keys m ON m.interaction_id = a.interaction_id
              WHERE m.interaction_id IS NULL OR m.changed`
          : sql`${raw(accepted)} a`;
      const old = sql`interactions a JOIN matched_keys m ON a.tenant = ${tenant}
              AND a.interaction_id = m.interaction_id WHERE m.changed`;
      await target.run(touchedDaysSql(replaced > 0 ? [written, old] : [written]));
    },
    async beforeInsert() {
      // Without stored contacts no row is updated after: the insert joins the gaps as it computes them.
      if (stored) await target.run(contactGapsSql(dialect, accepted, tenant, matched));
      const gaps = stored
        ? undefined
        : sql`(${contactGapsSelect(dialect, accepted, tenant, matched, false)})`;
      return {
        columns: GAP_COLUMNS,
        values: [sql`g.prev_gap`, sql`g.next_gap`],
        join: insertedGapsJoin(gaps),
        // The join may emit rows in the gaps' (customer) order: on a row store that scatters a
        // quarter over every page and its time-index scans read a page a row (measured at 1M:
        // 0.44 s for 250,000 rows). Stores scanning row by row (those keeping rollups) insert
        // in time order.
        ...(dialect.dailyRollups ? { orderBy: sql`a.started_at` } : {}),
      };
    },
    async afterInsert() {
      if (stored) await target.run(updateStoredGapsSql(tenant));
      if (dialect.dailyRollups) {
        // A large batch changes the table's size: the refresh plans on statistics that count it.
        if (matched < shape.written / 2 && shape.written >= LARGE_BATCH)
          await target.run(sql`ANALYZE interactions`);
        await target.run(deleteTouchedDaysSql(tenant));
        await target.run(insertTouchedDaysSql(tenant));
      }
      await drop(['touched_parts', 'contact_gaps', 'touched_days']);
    },
  };
}
