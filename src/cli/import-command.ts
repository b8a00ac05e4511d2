import type { Command } from 'commander';
import { DATASET_NAMES, isDatasetName } from '../core/dataset/types.js';
import { UserError } from '../core/issues.js';
import { checkTimezone, type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  timezone?: string;
  mapping?: string;
  allowRejects?: boolean;
  verbose?: boolean;
  format: string;
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
      let rejected = 0;
      await withStore(options, async (store) => {
        for (const file of files) {
          const progress = importProgress(file, options.verbose);
          const summary = await importFile(store, dataset, file, {
            tenant: options.tenant,
            timezone,
            mapping,
            onPhase: progress.onPhase,
          }).finally(progress.stop);
          process.stdout.write(
            options.format === 'json' ? `${JSON.stringify(summary)}\n` : formatSummary(summary),
          );
          rejected += summary.rejected;
        }
      });
      if (rejected > 0 && !options.allowRejects) process.exitCode = 1;
    });
}
