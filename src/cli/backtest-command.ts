import type { Command } from 'commander';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  periods: string;
  against?: string;
  asOf?: string;
  format: string;
}

export function registerBacktest(program: Command): void {
  withStoreOptions(program.command('backtest'))
    .description(
      'settle proposed terms on historical data beside the contract in force: what would have been paid, per period and outcome',
    )
    .argument('<contract-file>', 'a contract file with the proposed terms')
    .requiredOption('--periods <periods>', 'periods to settle, e.g. 2026-Q1..2026-Q4')
    .option(
      '--against <id>',
      'the stored contract to compare with (default: the one for the same client and vendor)',
    )
    .option('--as-of <instant>', 'judge maturity as of this instant (default now)')
    .addOption(formatOption())
    .action(async (file: string, options: Options) => {
      const { backtest } = await import('../contracts/backtest.js');
      const { formatBacktest } = await import('../contracts/backtest-format.js');
      await withStore(options, async (store) => {
        const report = await backtest(store, options.tenant, file, {
          periods: options.periods,
          ...(options.against === undefined ? {} : { against: options.against }),
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        });
        process.stdout.write(formatBacktest(report, options.format));
      });
    });
}
