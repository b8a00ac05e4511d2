import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { type StoreOptions, withStoreOptions } from './context.js';
import { PORT } from './options.js';

/** The demo's own store: `npm start` never opens ./covenant.duckdb (nor COVENANT_DB), a real store's default. */
export const DEMO_DB = './covenant-demo.duckdb';

export function registerStart(program: Command): void {
  withStoreOptions(program.command('start'))
    .description(
      `the demo: load it into its own store (${DEMO_DB} unless --db), create its users and serve the dashboard (npm start)`,
    )
    .option('--port <port>', 'port to listen on (0-65535; 0: any free port)', PORT, 4600)
    .action(async (options: StoreOptions & { port: number }) => {
      const { createDemoUsers } = await import('../demo/demo-users.js');
      const { loadDemo } = await import('../demo/load-demo.js');
      const { storeStatus } = await import('../ingest/store-status.js');
      const { startRecordsWorker } = await import('../records/worker.js');
      const { listTenants, tenantIds } = await import('../server/auth/tenants.js');
      const { startServer } = await import('../server/serve.js');
      const { openStore } = await import('../store/open-store.js');
      const store = await openStore(options.db ?? DEMO_DB, { role: 'server' });
      // Demo users have published passwords: a store holding a real tenant gets none.
      const real = (await listTenants(store)).filter((t) => !t.isDemo);
      if (real.length > 0) {
        await store.close();
        throw new UserError(
          `${store.location} holds tenant ${real[0]?.id}, which is not a demo: npm start runs the demo in its own store (--db ${DEMO_DB}); serve a real store with covenant serve`,
        );
      }
      const status = await storeStatus(store, options.tenant);
      if (status.datasets.every((d) => d.rows === 0)) {
        process.stdout.write(
          `empty store ${store.location}: loading the Northwind demo (scale 1, seed 1)...\n`,
        );
        await loadDemo(store, { scale: 1, seed: 1, tenant: options.tenant });
      }
      const users = await createDemoUsers(store, options.tenant);
      const server = await startServer(store, { port: options.port });
      startRecordsWorker(store, () => tenantIds(store));
      process.stdout.write(`\nCovenant demo (${store.location}) on ${server.url}\nDemo logins:\n`);
      for (const u of users)
        process.stdout.write(`  ${u.role.padEnd(15)} ${u.email.padEnd(32)} ${u.password}\n`);
    });
}
