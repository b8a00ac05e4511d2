import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { startRecordsWorker } from '../records/worker.js';
import { startServer } from '../server/serve.js';
import { openStore, resolveLocation } from '../store/open-store.js';
import { type StoreOptions, withStoreOptions } from './context.js';

interface ServeOptions extends StoreOptions {
  port: string;
  host: string;
  publicUrl?: string;
  trustProxy?: string;
  maxImportMb: string;
}

export function registerServe(program: Command): void {
  withStoreOptions(program.command('serve'))
    .description('serve the HTTP API, its OpenAPI document and the dashboard')
    .option('--port <port>', 'port to listen on', '4600')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--public-url <url>',
      'the URL users reach (https: Secure cookies and HSTS); or COVENANT_PUBLIC_URL',
    )
    .option('--trust-proxy <addresses>', 'comma-separated proxy addresses whose X-Forwarded-For is believed')
    .option('--max-import-mb <mb>', 'largest upload the import route takes', '1024')
    .action(async (options: ServeOptions) => {
      const publicUrl = options.publicUrl ?? process.env.COVENANT_PUBLIC_URL;
      if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl))
        throw new UserError(`--public-url ${publicUrl}: expected https://host[:port]`);
      const maxImportMb = Number(options.maxImportMb);
      if (!Number.isFinite(maxImportMb) || maxImportMb <= 0)
        throw new UserError(`--max-import-mb ${options.maxImportMb}: a positive number of megabytes`);
      const store = await openStore(resolveLocation(options.db));
      const server = await startServer(store, {
        port: Number(options.port),
        host: options.host,
        tenant: options.tenant,
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
      const stopWorker = startRecordsWorker(store, options.tenant);
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
