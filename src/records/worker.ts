import { inTenantCatalog } from '../query/tenant-catalog.js';
import type { Store } from '../store/store.js';
import { deliverOnce, publicUrl } from './deliver.js';
import { type Mailer, mailerFromEnv } from './mail-outbox.js';
import { scheduleScorecards } from './scorecard-mail.js';

/**
 * What a running `covenant serve` does besides answering requests, for every tenant of
 * the store (`tenants` lists them at each pass): a delivery pass every two seconds (so the
 * first retry, 5 s after a failure, goes out within 10 s) and, with COVENANT_SMTP_URL set,
 * the monthly scorecard e-mail.
 */
export function startRecordsWorker(
  store: Store,
  tenants: () => Promise<string[]>,
  log: (message: string, error: unknown) => void = (m, e) => process.stderr.write(`${m}: ${String(e)}\n`),
): () => void {
  const mailer = mailerFromEnv();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverAll(store, tenants, mailer)
      .catch((error: unknown) => {
        // A CLI command holds a shared DuckDB file: the next pass delivers.
        if ((error as Error).name !== 'StoreBusy') log('webhook delivery pass failed', error);
      })
      .finally(() => {
        running = false;
      });
  }, 2000);
  const stopScorecards = mailer
    ? scheduleScorecards(store, tenants, mailer, {
        dashboard: publicUrl(),
        onError: (e) => log('scorecard e-mail failed', e),
      })
    : () => undefined;
  return () => {
    clearInterval(timer);
    stopScorecards();
    mailer?.close();
  };
}

/** One delivery pass per tenant, each in sessions scoped to it and reading its own catalog. */
async function deliverAll(store: Store, tenants: () => Promise<string[]>, mailer: Mailer | null) {
  for (const tenant of await tenants())
    await inTenantCatalog(tenant, () => deliverOnce(store, { mailer, tenant }));
}
