import type { Command } from 'commander';
import { ensureTenant, listTenants } from '../server/auth/tenants.js';
import { withDbOption, withStore } from './context.js';
import { formatOption } from './options.js';
import { table } from './table.js';

/** The tenants of a store: one `covenant serve` serves them all (docs/security.md). */
export function registerTenant(program: Command): void {
  const tenant = program
    .command('tenant')
    .description('the tenants (client organisations) of the store: list, add');
  withDbOption(tenant.command('list'))
    .description('every tenant: id, name, whether it is a demo')
    .addOption(formatOption())
    .action(async (options: { db?: string; format: string }) => {
      await withStore({ db: options.db, tenant: 'default' }, async (store) => {
        const tenants = await listTenants(store);
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(tenants, null, 2)}\n`);
          return;
        }
        const rows = tenants.map((t) => [t.id, t.name, t.isDemo ? 'yes' : '', t.createdAt]);
        process.stdout.write(`${table(['id', 'name', 'demo', 'created'], rows)}\n`);
      });
    });
  withDbOption(tenant.command('add'))
    .description('add a tenant, or rename one (its users come from covenant user add --tenant ID)')
    .argument('<id>', "1-63 letters, digits, '-' or '_'")
    .requiredOption('--name <name>', 'the display name the dashboard shows')
    .action(async (id: string, options: { db?: string; name: string }) => {
      await withStore({ db: options.db, tenant: id }, async (store) => {
        const made = await ensureTenant(store, id, { name: options.name, rename: true });
        process.stdout.write(`tenant ${made.id}: ${made.name}\n`);
      });
    });
}
