import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { type StoreOptions, withDbOption } from './context.js';
import { PORT } from './options.js';

interface ServeOptions extends Omit<StoreOptions, 'tenant'> {
  port: number;
  host: string;
  publicUrl?: string;
  trustProxy?: string;
  maxImportMb: string;
}

export function registerServe(program: Command): void {
  withDbOption(program.command('serve'))
    .description('serve the HTTP API, its OpenAPI document and the dashboard, for every tenant of the store')
    .option('--port <port>', 'port to listen on (0-65535; 0: any free port)', PORT, 4600)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--public-url <url>',
      'the URL users reach (https: Secure cookies and HSTS); or COVENANT_PUBLIC_URL',
    )
    .option('--trust-proxy <addresses>', 'comma-separated proxy addresses whose X-Forwarded-For is believed')
    .option('--max-import-mb <mb>', 'largest upload the import route takes', '1024')
    .action(async (options: ServeOptions) => {
      // Loaded here, so that usage errors answer before the server and the drivers load.
      const { startRecordsWorker } = await import('../records/worker.js');
      const { startServer } = await import('../server/serve.js');
      const { openStore, resolveLocation } = await import('../store/open-store.js');
      const publicUrl = options.publicUrl ?? process.env.COVENANT_PUBLIC_URL;
      if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl))
        throw new UserError(`--public-url ${publicUrl}: expected https://host[:port]`);
      const maxImportMb = Number(options.maxImportMb);
      if (!Number.isFinite(maxImportMb) || maxImportMb <= 0)
        throw new UserError(`--max-import-mb ${options.maxImportMb}: a positive number of megabytes`);
      const store = await openStore(resolveLocation(options.db));
      const server = await startServer(store, {
        port: options.port,
        host: options.host,
        deps: {
          secureCookies: publicUrl?.startsWith('https://') ?? false,
          trustProxy: (options.trustProxy ?? '')
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
          importLimit: Math.round(maxImportMb * 1024 * 1024),
        },
      });
      process.stdout.write(`Covenant on ${server.url} (API ${server.url}/api/docs)\n`);
      // Every tenant of the store is served; a store without users gets a one-time setup link.
      const { setupMessage } = await import('../server/auth/setup.js');
      const { tenantIds } = await import('../server/auth/tenants.js');
      process.stdout.write(await setupMessage(store, publicUrl ?? server.url));
      const stopWorker = startRecordsWorker(store, () => tenantIds(store));
      // Gone within 5 s of SIGTERM: streams close at once, requests get 4 s, the store the rest.
      const stop = async () => {
        stopWorker();
        const force = setTimeout(() => process.exit(1), 5_000);
        force.unref();
        await server.close(4_000);
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
