import type { ServeConfig, Source } from '../cli/serve-config.js';
import { startRecordsWorker } from '../records/worker.js';
import { openStore } from '../store/open-store.js';
import { setupMessage } from './auth/setup.js';
import { tenantIds } from './auth/tenants.js';
import { jsonLogger } from './logger.js';
import { startServer } from './serve.js';

/**
 * `covenant serve` with its settings resolved: opens the store (migrating it under a lock,
 * docs/deploy.md), serves every tenant, logs JSON lines to stdout, stops cleanly on SIGTERM.
 */
export async function runServer(
  config: ServeConfig,
  context: { sources: Record<keyof ServeConfig, Source>; file: string | null },
): Promise<void> {
  const log = jsonLogger(process.stdout, config.logLevel);
  // Where each setting came from; the logger cuts a password from the store URL.
  log('info', 'settings', { ...config, sources: context.sources, file: context.file });
  const store = await openStore(config.db, { role: 'server' });
  const server = await startServer(store, {
    port: config.port,
    host: config.host,
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
  // A store without users gets a one-time setup link: for the operator's eyes, so printed
  // as text, never a log line (log collectors keep lines; the link is a credential).
  process.stdout.write(await setupMessage(store, config.publicUrl ?? server.url));
  const stopWorker = startRecordsWorker(store, () => tenantIds(store));
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
