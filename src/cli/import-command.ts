import type { Command } from 'commander';
import { DATASET_NAMES, isDatasetName } from '../core/dataset/types.js';
import { UserError } from '../core/issues.js';
import type { ImportSummary } from '../ingest/import-types.js';
import { ENCODINGS, readOptionsOf } from '../ingest/read-options.js';
import { checkTimezone, type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  timezone?: string;
  mapping?: string;
  allowRejects?: boolean;
  verbose?: boolean;
  delimiter?: string;
  encoding?: string;
  decimal?: string;
  header?: string;
  sheet?: string;
  format: string;
  warm: boolean;
}

export function registerImport(program: Command): void {
  withStoreOptions(program.command('import'))
    .description('import CSV, NDJSON or Parquet files into a dataset, rejecting bad rows with reasons')
    .argument('<dataset>', `one of ${DATASET_NAMES.join(', ')}`)
    .argument('<files...>', 'files to import, each all or nothing')
    .option('--timezone <zone>', 'IANA zone of timestamps that have no UTC offset')
    .option('--mapping <file>', 'a Mapping YAML that turns a foreign export into the dataset')
    .option('--allow-rejects', 'exit 0 even when rows were rejected')
    .option('--verbose', 'print each phase (reading, checking, writing) with a timestamp')
    .option('--delimiter <char>', 'CSV field separator (default ,; \\t for tab)')
    .option('--encoding <name>', `text encoding: ${ENCODINGS.join(', ')} (default utf-8)`)
    .option('--decimal <sep>', 'decimal separator of numbers in the file: . or , (default .)')
    .option('--header <row>', 'the row (from 1) holding the column names (default 1)')
    .option('--sheet <name-or-number>', 'XLSX: the worksheet (default the first)')
    .option('--no-warm', "skip measuring the contracts' pages into the persisted measurements afterwards")
    .addOption(formatOption())
    .action(async (dataset: string, files: string[], options: Options) => {
      if (!isDatasetName(dataset)) {
        throw new UserError(`unknown dataset ${dataset}; expected one of ${DATASET_NAMES.join(', ')}`);
      }
      const timezone = checkTimezone(options.timezone);
      const { importFile } = await import('../ingest/import-file.js');
      const { loadMappingFactory } = await import('../ingest/mapping-hook.js');
      const { formatSummary } = await import('./format-import.js');
      const { importProgress } = await import('./progress.js');
      const mapping = options.mapping ? await loadMappingFactory(options.mapping) : undefined;
      const read = readOptionsOf(options);
      const summaries: ImportSummary[] = [];
      let rejected = 0;
      await withStore(options, async (store) => {
        for (const file of files) {
          const progress = importProgress(file, options.verbose);
          const summary = await importFile(store, dataset, file, {
            tenant: options.tenant,
            timezone,
            mapping,
            read,
            onPhase: progress.onPhase,
          }).finally(progress.stop);
          if (options.format === 'json') summaries.push(summary);
          else process.stdout.write(formatSummary(summary));
          rejected += summary.rejected;
        }
        // The contracts' pages measured for the new data: their first load reads (docs/scaling.md).
        if (options.warm) {
          const { warmMeasurements } = await import('../contracts/warm-measurements.js');
          await warmMeasurements(store, options.tenant).catch((error: Error) =>
            process.stderr.write(`warning: the contracts' pages were not measured ahead: ${error.message}\n`),
          );
        }
      });
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
      if (rejected > 0 && !options.allowRejects) process.exitCode = 1;
    });
}
