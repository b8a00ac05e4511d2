import type { Command } from 'commander';
import { storeStatus } from '../ingest/store-status.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatStatus } from './format-status.js';

interface Options extends StoreOptions {
  batch?: string;
  format: string;
}

export function registerStatus(program: Command): void {
  withStoreOptions(program.command('status'))
    .description(
      "what the store holds: each dataset's rows and date range, the last imports and their rejects",
    )
    .option('--batch <id>', 'list every reject of one import batch')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: Options) => {
      await withStore(options, async (store) => {
        const batch = options.batch === undefined ? undefined : Number(options.batch);
        const status = await storeStatus(store, options.tenant, { batch });
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status),
        );
      });
    });
}
