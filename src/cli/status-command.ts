import type { Command } from 'commander';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption, integerIn } from './options.js';

interface Options extends StoreOptions {
  batch?: number;
  format: string;
}

export function registerStatus(program: Command): void {
  withStoreOptions(program.command('status'))
    .description(
      "what the store holds: each dataset's rows and date range, the last imports and their rejects",
    )
    .option('--batch <id>', 'list every reject of one import batch', integerIn({ min: 1, max: 2 ** 31 - 1 }))
    .addOption(formatOption())
    .action(async (options: Options) => {
      const { storeStatus } = await import('../ingest/store-status.js');
      const { formatStatus } = await import('./format-status.js');
      await withStore(options, async (store) => {
        const status = await storeStatus(store, options.tenant, { batch: options.batch });
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status),
        );
      });
    });
}
