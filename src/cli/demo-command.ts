import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { loadDemo } from '../demo/load-demo.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

interface Options extends StoreOptions {
  scale: string;
  seed: string;
}

export function registerDemo(program: Command): void {
  withStoreOptions(program.command('demo'))
    .description('generate the Northwind Bank demo story (2025-Q4 baseline and 2026) and import it')
    .option('--scale <n>', 'about n million interactions', '1')
    .option('--seed <s>', 'random seed: the same seed gives the same data', '1')
    .action(async (options: Options) => {
      const scale = Number(options.scale);
      const seed = Number(options.seed);
      if (!(scale > 0) || !Number.isInteger(seed)) {
        throw new UserError('--scale must be a positive number and --seed a whole number');
      }
      const started = Date.now();
      let location = 'the store';
      await withStore(options, async (store) => {
        location = store.location; // Never the --db URL itself: it may hold a password.
        const summaries = await loadDemo(store, {
          scale,
          seed,
          tenant: options.tenant,
          onImported: (s) =>
            process.stdout.write(
              `${s.dataset}: read ${s.read}, accepted ${s.accepted}, rejected ${s.rejected}\n`,
            ),
        });
        const rejected = summaries.reduce((sum, s) => sum + s.rejected, 0);
        if (rejected > 0) throw new Error(`the demo generator produced ${rejected} rejected rows`);
      });
      process.stdout.write(
        `demo loaded into ${location} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
