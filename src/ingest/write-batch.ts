import type { DatasetDef } from '../core/dataset/types.js';
import { ROLLUP_TABLE } from '../core/metric/rollup.js';
import type { Dialect } from '../core/sql/dialect.js';
import { raw, sql } from '../core/sql/fragment.js';
import { appendAudit } from '../records/audit.js';
import type { Executor, ImportSession } from '../store/store.js';
import type { RejectCounts } from './collect-rejects.js';
import { batchFacts } from './contact-facts.js';
import type { ImportSummary, RejectRow } from './import-types.js';
import { deleteChangedSql, insertSql, matchedCountsSql, matchedKeysSql } from './load-sql.js';

interface BatchInput extends RejectCounts {
  file: string;
  format: string;
  tenant: string;
  mapping: string | null;
  extraColumns: string[];
}

const SHOWN_REJECTS = 20;

/** Loads the accepted rows, the rejects and the batch record through the session's target. */
export async function writeBatch(
  session: ImportSession,
  def: DatasetDef,
  input: BatchInput,
): Promise<ImportSummary> {
  const startedAt = new Date().toISOString();
  const written = await session.write(['accepted', 'reject_report'], (target, names) =>
    load(target, session.dialect, def, input, {
      startedAt,
      accepted: names.accepted as string,
      rejects: names.reject_report as string,
    }),
  );
  const shown = await session.engine.query<RejectRow>(
    sql`SELECT line, "column", value, reason FROM reject_report ORDER BY line, "column" LIMIT ${SHOWN_REJECTS}`,
  );
  return {
    file: input.file,
    dataset: def.name,
    format: input.format,
    read: input.read,
    rejected: input.rejected,
    filtered: input.filtered,
    extraColumns: input.extraColumns,
    rejects: shown,
    ...written,
  };
}

interface Written {
  batchId: number;
  accepted: number;
  replaced: number;
  inserted: number;
  unchanged: number;
}

async function load(
  target: Executor,
  dialect: Dialect,
  def: DatasetDef,
  input: BatchInput,
  names: { startedAt: string; accepted: string; rejects: string },
): Promise<Written> {
  const { tenant } = input;
  const { accepted, rejects, startedAt } = names;
  const [next] = await target.query<{ id: number }>(
    sql`SELECT coalesce(max(batch_id), 0) + 1 AS id FROM import_batches WHERE tenant = ${tenant}`,
  );
  const batchId = next?.id ?? 1;

  const bulk = [
    def.name,
    'import_rejects',
    ...(def.name === 'interactions' && dialect.dailyRollups ? [ROLLUP_TABLE] : []),
  ];
  for (const statement of dialect.bulkWrite(bulk, false)) await target.run(raw(statement));
  await target.run(matchedKeysSql(def, accepted, tenant, dialect));
  const [counts] = await target.query<{ matched: number; replaced: number }>(matchedCountsSql());
  const { matched = 0, replaced = 0 } = counts ?? {};
  const total = input.read - input.rejected;
  const facts = batchFacts(def.name, target, {
    dialect,
    tenant,
    accepted,
    matched,
    replaced,
    batchId,
    written: total - matched + replaced,
  });
  await facts.beforeDelete();
  if (replaced > 0) await target.run(deleteChangedSql(def, tenant));
  const unchanged = matched - replaced;
  const derived = await facts.beforeInsert();
  if (unchanged < total) await target.run(insertSql(def, accepted, tenant, batchId, unchanged > 0, derived));
  await facts.afterInsert();
  await target.run(sql`DROP TABLE matched_keys`);

  await target.run(sql`INSERT INTO import_rejects
    SELECT ${tenant}, ${batchId}, row_number() OVER (ORDER BY line, "column"), ${input.file}, line, "column", value, reason
    FROM ${raw(rejects)}`);
  await target.run(sql`INSERT INTO import_batches VALUES (${tenant}, ${batchId}, ${def.name}, ${input.file},
    ${input.format}, ${input.mapping}, ${startedAt}::TIMESTAMPTZ, CURRENT_TIMESTAMP, ${input.read}, ${total},
    ${input.rejected}, ${replaced}, ${total - matched + replaced}, ${input.filtered},
    ${input.extraColumns.length > 0 ? input.extraColumns.join(', ') : null})`);
  for (const statement of dialect.bulkWrite(bulk, true)) await target.run(raw(statement));
  await appendAudit(target, tenant, {
    action: 'import.batch',
    subject: `batch ${batchId}`,
    after: `batch ${batchId}`,
    detail: { dataset: def.name, file: input.file, accepted: total, rejected: input.rejected, replaced },
    event: {
      type: 'import.completed',
      vendor: null,
      data: {
        batch: batchId,
        dataset: def.name,
        file: input.file,
        read: input.read,
        accepted: total,
        rejects: input.rejected,
      },
    },
  });

  return {
    batchId,
    accepted: total,
    replaced,
    inserted: total - matched + replaced,
    unchanged: matched - replaced,
  };
}
