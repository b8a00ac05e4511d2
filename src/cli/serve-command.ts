import type { Command } from 'commander';
import { startRecordsWorker } from '../records/worker.js';
import { startServer } from '../server/serve.js';
import { openStore, resolveLocation } from '../store/open-store.js';
import { type StoreOptions, withStoreOptions } from './context.js';

export function registerServe(program: Command): void {
  withStoreOptions(program.command('serve'))
    .description('serve the HTTP API, its OpenAPI document and the dashboard')
    .option('--port <port>', 'port to listen on', '4600')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: StoreOptions & { port: string; host: string }) => {
      const store = await openStore(resolveLocation(options.db));
      const server = await startServer(store, {
        port: Number(options.port),
        host: options.host,
        tenant: options.tenant,
      });
      process.stdout.write(`Covenant on ${server.url} (API ${server.url}/api/docs)\n`);
      const stopWorker = startRecordsWorker(store, options.tenant);
      const stop = async () => {
        stopWorker();
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
