import type { Command } from 'commander';
import { evaluateAlerts, listAlerts } from '../evidence/alerts.js';
import { alertsText } from '../evidence/format-alerts.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

interface Options extends StoreOptions {
  asOf?: string;
  format: string;
}

export function registerAlerts(program: Command): void {
  withStoreOptions(program.command('alerts'))
    .description(
      "project the period in progress: each outcome's state, projected pay and money at risk; store state changes",
    )
    .argument('<contract>', 'contract id')
    .option('--as-of <instant>', 'evaluate as of this instant or local date (default now)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (contract: string, o: Options) => {
      await withStore(o, async (store) => {
        const { projection, fired } = await evaluateAlerts(store, o.tenant, contract, o.asOf);
        const history = await listAlerts(store, o.tenant, contract);
        process.stdout.write(
          o.format === 'json'
            ? `${JSON.stringify({ ...projection, alerts: fired, history }, null, 2)}\n`
            : alertsText(projection, fired, history),
        );
      });
    });
}
