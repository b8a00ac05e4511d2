import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { listAudit, verifyAudit } from '../records/audit.js';
import { checkFormat, formatAudit } from '../records/format.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident audit log: verify the chain, list entries');

  withStoreOptions(audit.command('verify'))
    .description('recompute the hash chain; exit 1 naming the first entry that does not match')
    .action(async (options: StoreOptions) => {
      await withStore(options, async (store) => {
        const result = await verifyAudit(store, options.tenant);
        if (result.ok) {
          process.stdout.write(`${result.entries} entries, chain intact\n`);
          return;
        }
        process.stderr.write(`audit chain broken at ${result.problem}\n`);
        process.exitCode = 1;
      });
    });

  withStoreOptions(audit.command('list'))
    .description('entries in order: who, when, what, before and after')
    .option('--since <instant>', 'entries at or after this date or instant (UTC), e.g. 2026-07-01')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (options: StoreOptions & { since?: string; format: string }) => {
      const format = checkFormat(options.format, ['table', 'json', 'csv']);
      let since: string | undefined;
      if (options.since !== undefined) {
        const ms = Date.parse(options.since);
        if (Number.isNaN(ms))
          throw new UserError(`--since ${options.since}: expected a date or an ISO instant`);
        since = new Date(ms).toISOString();
      }
      await withStore(options, async (store) => {
        const entries = await listAudit(store, options.tenant, since === undefined ? {} : { since });
        process.stdout.write(formatAudit(entries, format));
      });
    });
}
