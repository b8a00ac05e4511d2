import type { ServeConfig, Source } from '../cli/serve-config.js';
import { startRecordsWorker } from '../records/worker.js';
import { openStore } from '../store/open-store.js';
import { jsonLogger } from './logger.js';
import { startServer } from './serve.js';

/**
 * `covenant serve` with its settings resolved: opens the store (migrating it under a lock,
 * docs/deploy.md), serves, logs JSON lines to stdout, and stops cleanly on SIGTERM.
 */
export async function runServer(
  config: ServeConfig,
  context: { tenant: string; sources: Record<keyof ServeConfig, Source>; file: string | null },
): Promise<void> {
  const log = jsonLogger(process.stdout, config.logLevel);
  // Where each setting came from; the logger cuts a password from the store URL.
  log('info', 'settings', { ...config, sources: context.sources, file: context.file });
  const store = await openStore(config.db);
  const server = await startServer(store, {
    port: config.port,
    host: config.host,
    tenant: context.tenant,
    deps: {
      log,
      secureCookies: config.publicUrl?.startsWith('https://') ?? false,
      trustProxy: config.trustProxy,
      importLimit: Math.round(config.maxImportMb * 1024 * 1024),
    },
  });
  log('info', `Covenant on ${server.url} (API reference ${server.url}/api/docs)`, {
    url: server.url,
    publicUrl: config.publicUrl,
    store: store.location,
  });
  const stopWorker = startRecordsWorker(store, context.tenant);
  // Gone within 5 s of SIGTERM: streams close at once, requests get 4 s, the store the rest.
  const stop = async () => {
    log('info', 'stopping');
    stopWorker();
    const force = setTimeout(() => process.exit(1), 5_000);
    force.unref();
    await server.close(4_000);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
