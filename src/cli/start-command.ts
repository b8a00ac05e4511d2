import type { Command } from 'commander';
import { loadDemo } from '../demo/load-demo.js';
import { storeStatus } from '../ingest/store-status.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatStatus } from './format-status.js';

export function registerStart(program: Command): void {
  withStoreOptions(program.command('start'))
    .description('load the demo into an empty store, then show what it holds (what `npm start` runs)')
    .action(async (options: StoreOptions) => {
      await withStore(options, async (store) => {
        let status = await storeStatus(store, options.tenant);
        if (status.datasets.every((d) => d.rows === 0)) {
          process.stdout.write(`empty store ${store.location}: loading the demo (scale 1, seed 1)...\n`);
          await loadDemo(store, { scale: 1, seed: 1, tenant: options.tenant });
          status = await storeStatus(store, options.tenant);
        }
        process.stdout.write(formatStatus(status));
      });
    });
}
