import { DATASETS } from '../../core/dataset/catalog.js';
import type { DatasetDef } from '../../core/dataset/types.js';
import type { Dialect } from '../../core/sql/dialect.js';

/**
 * DDL for one canonical dataset, generated from the catalog so the schema and the
 * validation never drift apart. Every table leads with `tenant`, and the key is
 * (tenant, dataset key) so the schema distributes by tenant unchanged.
 */
export function datasetTableDdl(def: DatasetDef, dialect: Dialect): string {
  const q = (name: string) => dialect.quoteIdent(name);
  const columns = [
    `${q('tenant')} ${dialect.columnType({ kind: 'string' })} NOT NULL`,
    ...def.columns.map(
      (column) =>
        `${q(column.name)} ${dialect.columnType(column.type)}${column.required || column.default !== undefined ? ' NOT NULL' : ''}`,
    ),
    // Columns a client sent that the format does not name: kept, never dropped.
    `${q('extra')} ${dialect.jsonType}`,
    `${q('batch_id')} BIGINT NOT NULL`,
  ];
  const key = ['tenant', ...def.key].map(q).join(', ');
  if (dialect.keyedBulkTables) columns.push(`PRIMARY KEY (${key})`);
  return `CREATE TABLE ${q(def.name)} (\n  ${columns.join(',\n  ')}\n)`;
}

export function allDatasetTablesDdl(dialect: Dialect): string[] {
  return [...DATASETS.values()].map((def) => datasetTableDdl(def, dialect));
}
