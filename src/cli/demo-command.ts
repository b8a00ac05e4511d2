import type { Command } from 'commander';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { integerIn, numberIn } from './options.js';

interface Options extends StoreOptions {
  scale: number;
  seed: number;
}

export function registerDemo(program: Command): void {
  withStoreOptions(program.command('demo'))
    .description('generate the Northwind Bank demo story (2025-Q4 baseline and 2026) and import it')
    .option(
      '--scale <n>',
      'about n million interactions (above 0, at most 100)',
      numberIn({ min: 0, minExclusive: true, max: 100 }),
      1,
    )
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same data',
      integerIn({ min: 0, max: 2 ** 31 - 1 }),
      1,
    )
    .action(async (options: Options) => {
      const { scale, seed } = options;
      const { loadDemo } = await import('../demo/load-demo.js');
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
        // As after any import: the contracts' pages measured into the persisted measurements.
        const { warmMeasurements } = await import('../contracts/warm-measurements.js');
        await warmMeasurements(store, options.tenant).catch((error: Error) =>
          process.stderr.write(`warning: the contracts' pages were not measured ahead: ${error.message}\n`),
        );
      });
      process.stdout.write(
        `demo loaded into ${location} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
