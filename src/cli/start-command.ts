import type { Command } from 'commander';
import { type StoreOptions, withStoreOptions } from './context.js';
import { PORT } from './options.js';

export function registerStart(program: Command): void {
  withStoreOptions(program.command('start'))
    .description('load the demo into an empty store, create its users and serve the dashboard (npm start)')
    .option('--port <port>', 'port to listen on (0-65535; 0: any free port)', PORT, 4600)
    .action(async (options: StoreOptions & { port: number }) => {
      const { createDemoUsers } = await import('../demo/demo-users.js');
      const { loadDemo } = await import('../demo/load-demo.js');
      const { storeStatus } = await import('../ingest/store-status.js');
      const { startRecordsWorker } = await import('../records/worker.js');
      const { startServer } = await import('../server/serve.js');
      const { openStore, resolveLocation } = await import('../store/open-store.js');
      const store = await openStore(resolveLocation(options.db), { role: 'server' });
      const status = await storeStatus(store, options.tenant);
      if (status.datasets.every((d) => d.rows === 0)) {
        process.stdout.write(
          `empty store ${store.location}: loading the Northwind demo (scale 1, seed 1)...\n`,
        );
        await loadDemo(store, { scale: 1, seed: 1, tenant: options.tenant });
      }
      const users = await createDemoUsers(store, options.tenant);
      const server = await startServer(store, { port: options.port, tenant: options.tenant });
      startRecordsWorker(store, options.tenant);
      process.stdout.write(`\nCovenant on ${server.url}\nDemo logins:\n`);
      for (const u of users)
        process.stdout.write(`  ${u.role.padEnd(15)} ${u.email.padEnd(32)} ${u.password}\n`);
    });
}
