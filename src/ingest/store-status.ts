import { DATASETS } from '../core/dataset/catalog.js';
import { raw, sql } from '../core/sql/fragment.js';
import type { Row, Store } from '../store/store.js';

export interface DatasetStatus {
  dataset: string;
  rows: number;
  from: string | null;
  to: string | null;
}

export interface StoreStatus {
  location: string;
  tenant: string;
  datasets: DatasetStatus[];
  imports: Row[];
  rejects?: Row[];
}

/** What the store holds for one tenant, read with one small query per dataset. */
export async function storeStatus(
  store: Store,
  tenant: string,
  options: { batch?: number } = {},
): Promise<StoreStatus> {
  const datasets: DatasetStatus[] = [];
  for (const def of DATASETS.values()) {
    const time = def.timeColumn ? raw(`"${def.timeColumn}"`) : raw('NULL');
    const [row] = await store.query<DatasetStatus>(
      sql`SELECT ${def.name} AS dataset, count(*) AS rows, CAST(min(${time}) AS VARCHAR) AS "from",
          CAST(max(${time}) AS VARCHAR) AS "to" FROM ${raw(`"${def.name}"`)} WHERE tenant = ${tenant}`,
    );
    if (row) datasets.push(row);
  }
  const imports = await store.query(
    sql`SELECT batch_id, dataset, file, mapping, finished_at, rows_read AS read, rows_accepted AS accepted,
        rows_rejected AS rejected, rows_replaced AS replaced, extra_columns
        FROM import_batches WHERE tenant = ${tenant} ORDER BY batch_id DESC LIMIT 10`,
  );
  const rejects =
    options.batch === undefined
      ? undefined
      : await store.query(
          sql`SELECT file, line, "column", value, reason FROM import_rejects
              WHERE tenant = ${tenant} AND batch_id = ${options.batch} ORDER BY reject_no`,
        );
  return { location: store.location, tenant, datasets, imports, ...(rejects ? { rejects } : {}) };
}
