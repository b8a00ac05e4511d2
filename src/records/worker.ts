import type { Store } from '../store/store.js';
import { deliverOnce, publicUrl } from './deliver.js';
import { mailerFromEnv } from './mail-outbox.js';
import { scheduleScorecards } from './scorecard-mail.js';

/**
 * What a running `covenant serve` does besides answering requests: a delivery pass every
 * two seconds (so the first retry, 5 s after a failure, goes out within 10 s) and, with
 * COVENANT_SMTP_URL set, the monthly scorecard e-mail.
 */
export function startRecordsWorker(
  store: Store,
  tenant: string,
  log: (message: string, error: unknown) => void = (m, e) => process.stderr.write(`${m}: ${String(e)}\n`),
): () => void {
  const mailer = mailerFromEnv();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverOnce(store, { mailer, tenant })
      .catch((error: unknown) => {
        // A CLI command holds a shared DuckDB file: the next pass delivers.
        if ((error as Error).name !== 'StoreBusy') log('webhook delivery pass failed', error);
      })
      .finally(() => {
        running = false;
      });
  }, 2000);
  const stopScorecards = mailer
    ? scheduleScorecards(store, tenant, mailer, {
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
