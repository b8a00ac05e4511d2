import type { Command } from 'commander';
import { type StoreOptions, withStoreOptions } from './context.js';
import { PORT } from './options.js';

export function registerServe(program: Command): void {
  withStoreOptions(program.command('serve'))
    .description('serve the HTTP API, its OpenAPI document and the dashboard')
    .option('--port <port>', 'port to listen on (1-65535)', PORT, 4600)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: StoreOptions & { port: number; host: string }) => {
      const { startServer } = await import('../server/serve.js');
      const { openStore, resolveLocation } = await import('../store/open-store.js');
      const store = await openStore(resolveLocation(options.db));
      const server = await startServer(store, {
        port: options.port,
        host: options.host,
        tenant: options.tenant,
      });
      process.stdout.write(`Covenant on ${server.url} (API ${server.url}/api/docs)\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
