import { type Command, Option } from 'commander';
import { LANGUAGES, type Language } from '../core/i18n/languages.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';

interface Options extends StoreOptions {
  period: string;
  format: string;
  asOf?: string;
  output?: string;
  lang?: Language;
}

export function registerSettle(program: Command): void {
  withStoreOptions(program.command('settle'))
    .description(
      'settle a contract for a period: base fee, outcome adjustments with their trace, caps, total',
    )
    .argument('<contract>', 'a stored contract id')
    .requiredOption('--period <period>', 'the settlement period, e.g. 2026-Q1')
    .addOption(formatOption(['csv', 'xlsx', 'pdf']))
    .option(
      '-o, --output <file>',
      'write to this file (xlsx, pdf: default <contract>-settlement-<period>.<ext>)',
    )
    .addOption(new Option('--lang <language>', 'language of the PDF (default en)').choices(LANGUAGES))
    .option('--as-of <instant>', 'judge maturity as of this instant (default now)')
    .action(async (contract: string, options: Options) => {
      const { contractWindow, settleContract } = await import('../contracts/settle-contract.js');
      const { printSettlement } = await import('./settle-output.js');
      await withStore(options, async (store) => {
        const window = await contractWindow(store, options.tenant, contract, options.period, '--period');
        const report = await settleContract(store, options.tenant, contract, window, options.asOf);
        await printSettlement(report, options);
      });
    });
}
