import type { Command } from 'commander';
import { contractWindow, settleContract } from '../contracts/settle-contract.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatSettlement } from './format-settlement.js';

interface Options extends StoreOptions {
  period: string;
  format: string;
  asOf?: string;
}

export function registerSettle(program: Command): void {
  withStoreOptions(program.command('settle'))
    .description(
      'settle a contract for a period: base fee, outcome adjustments with their trace, caps, total',
    )
    .argument('<contract>', 'a stored contract id')
    .requiredOption('--period <period>', 'the settlement period, e.g. 2026-Q1')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--as-of <instant>', 'judge maturity as of this instant (default now)')
    .action(async (contract: string, options: Options) => {
      await withStore(options, async (store) => {
        const window = await contractWindow(store, options.tenant, contract, options.period, '--period');
        const report = await settleContract(store, options.tenant, contract, window, options.asOf);
        process.stdout.write(formatSettlement(report, options.format));
      });
    });
}
