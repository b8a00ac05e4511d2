import type { Command } from 'commander';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  period: string;
  effective?: string;
  asOf?: string;
  dryRun?: boolean;
  format: string;
}

export function registerRecalibrate(program: Command): void {
  withStoreOptions(program.command('recalibrate'))
    .description(
      "evaluate a contract's recalibration triggers on a period against its reference; when one fires, " +
        'propose mix-adjusted targets and a staffing-model unit rate for the parties to approve',
    )
    .argument('<contract>', 'a stored contract id')
    .requiredOption('--period <period>', 'the period to evaluate, e.g. 2026-Q3')
    .option('--effective <date>', 'the date the new terms take effect (default: the day after the period)')
    .option('--as-of <instant>', 'read the data and make the proposal as of this instant (default now)')
    .option('--dry-run', 'compute the proposal without storing it')
    .addOption(formatOption())
    .action(async (contract: string, options: Options) => {
      const { recalibrate } = await import('../contracts/recalibrate.js');
      const { formatRecalibration } = await import('../contracts/recalibrate-format.js');
      await withStore(options, async (store) => {
        const report = await recalibrate(store, options.tenant, contract, {
          period: options.period,
          ...(options.effective === undefined ? {} : { effective: options.effective }),
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          ...(options.dryRun ? { dryRun: true } : {}),
        });
        process.stdout.write(formatRecalibration(report, options.format));
      });
    });
}
