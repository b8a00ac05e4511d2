import type { Command } from 'commander';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { storeStatus } from '../ingest/store-status.js';
import { startRecordsWorker } from '../records/worker.js';
import { startServer } from '../server/serve.js';
import { openStore, resolveLocation } from '../store/open-store.js';
import { type StoreOptions, withStoreOptions } from './context.js';

export function registerStart(program: Command): void {
  withStoreOptions(program.command('start'))
    .description('load the demo into an empty store, create its users and serve the dashboard (npm start)')
    .option('--port <port>', 'port to listen on', '4600')
    .action(async (options: StoreOptions & { port: string }) => {
      const store = await openStore(resolveLocation(options.db));
      const status = await storeStatus(store, options.tenant);
      if (status.datasets.every((d) => d.rows === 0)) {
        process.stdout.write(
          `empty store ${store.location}: loading the Northwind demo (scale 1, seed 1)...\n`,
        );
        await loadDemo(store, { scale: 1, seed: 1, tenant: options.tenant });
      }
      const users = await createDemoUsers(store, options.tenant);
      const server = await startServer(store, { port: Number(options.port), tenant: options.tenant });
      startRecordsWorker(store, options.tenant);
      process.stdout.write(`\nCovenant on ${server.url}\nDemo logins:\n`);
      for (const u of users)
        process.stdout.write(`  ${u.role.padEnd(15)} ${u.email.padEnd(32)} ${u.password}\n`);
    });
}
