import { datasetDef } from '../core/dataset/catalog.js';
import type { DatasetName } from '../core/dataset/types.js';
import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { ImportSession, Store } from '../store/store.js';
import { collectRejects } from './collect-rejects.js';
import { decimalRefs } from './decimal-comma.js';
import type { ImportPhase, ImportSummary } from './import-types.js';
import type { CompiledMappingFactory } from './mapping-hook.js';
import { prepareSource } from './prepare-source.js';
import { mergeReadOptions, type ReadOptions } from './read-options.js';
import { detectFormat } from './source-format.js';
import { openSource } from './source-relation.js';
import { planStage } from './stage-plan.js';
import { stageSelect } from './stage-sql.js';
import { writeBatch } from './write-batch.js';

export interface ImportOptions {
  tenant: string;
  /** Zone of timestamps that come without an offset. */
  timezone?: string;
  mapping?: CompiledMappingFactory;
  /** How to read the file (delimiter, encoding, decimal, header row, sheet); over the mapping's. */
  read?: ReadOptions;
  onPhase?: (phase: ImportPhase, session: ImportSession) => void;
}

/**
 * Imports one file, all or nothing: DuckDB reads and validates it in one pass, bad rows
 * become rejects with their line, and the good rows load in the same transaction as the
 * batch record. A process killed at any point leaves the store as it was.
 */
export async function importFile(
  store: Store,
  dataset: DatasetName,
  file: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const def = datasetDef(dataset);
  const format = await detectFormat(file);
  const read = mergeReadOptions(options.mapping?.read, options.read ?? {});
  const prepared = await prepareSource(file, format, read);
  try {
    return await store.importSession(async (session) => {
      const { engine } = session;
      options.onPhase?.('reading', session);
      const opened = await openSource(engine, prepared.file, prepared.format, prepared);
      const src =
        read.decimal === ','
          ? { ...opened, refs: decimalRefs(opened.refs, opened.header, def, options.mapping !== undefined) }
          : opened;
      const mapping = options.mapping?.(src.header, src.refs);
      if (mapping && mapping.dataset !== dataset) {
        throw new UserError(`the mapping ${mapping.name} produces ${mapping.dataset}, not ${dataset}`);
      }
      const plan = planStage(def, src, file, { mapping, timezone: options.timezone });
      await engine.run(sql`CREATE OR REPLACE TEMP TABLE stage AS ${stageSelect(plan)}`);
      options.onPhase?.('checking', session);
      const rejects = await collectRejects(
        engine,
        def,
        prepared.file,
        prepared.format,
        src.header,
        prepared.lineOffset,
      );
      options.onPhase?.('writing', session);
      const summary = await writeBatch(session, def, {
        file,
        format,
        tenant: options.tenant,
        mapping: mapping?.name ?? null,
        extraColumns: plan.extras.map((extra) => extra.name),
        ...rejects,
      });
      options.onPhase?.('done', session);
      return summary;
    });
  } finally {
    await prepared.cleanup();
  }
}
