import { listVersions } from '../contracts/contract-store.js';
import { warmMeasurements } from '../contracts/warm-measurements.js';
import { UserError } from '../core/issues.js';
import { inTenantCatalog } from '../query/tenant-catalog.js';
import type { Store } from '../store/store.js';
import { evaluateAlerts } from './alerts.js';

type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
interface Events {
  subscribe(listener: (event: { version: number; reason: string }) => void): () => void;
}

const HOUR = 3_600_000;
const AFTER_IMPORT_MS = 3_000;

/**
 * Alerts are evaluated after every import (a data-version bump, debounced) and hourly, for
 * every contract of every tenant (`tenants` lists them when a run starts), each tenant
 * reading its own metric catalog; then each tenant's contract pages are measured into the
 * persisted measurements (contracts/warm-measurements.ts).
 */
export function startAlertEvaluation(
  store: Store,
  tenants: () => Promise<string[]>,
  events: Events,
  log: Log,
): void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    // An import during an evaluation is evaluated by one more run after it.
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    try {
      for (const tenant of await tenants())
        await inTenantCatalog(tenant, async () => {
          // In sessions of the tenant: on PostgreSQL the server's role sees rows in no other.
          const ids = await store.withSession({ tenant }, (s) => listContractIds(s, tenant));
          for (const contractId of ids) {
            await store
              .withSession({ tenant }, (s) => evaluateAlerts(s, tenant, contractId))
              .catch((error: Error) => {
                // A contract with no version in force today (ended, or proposed) has no period in progress.
                if (!(error instanceof UserError))
                  log('warn', 'alert evaluation failed', {
                    tenant,
                    contract: contractId,
                    error: error.message,
                  });
              });
          }
          // Then the contracts' pages measured into the persisted measurements: the first load is a read.
          await warmMeasurements(store, tenant).catch((error: Error) =>
            log('warn', 'warming measurements failed', { tenant, error: error.message }),
          );
        });
    } catch (error) {
      // The store closed or failed between evaluations: the next import or hour tries again.
      log('warn', 'alert evaluation failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      running = false;
    }
    if (again) await run();
  };
  // A few seconds after the last import of a burst: open dashboards refetch first.
  let timer: NodeJS.Timeout | undefined;
  events.subscribe((event) => {
    if (!event.reason.startsWith('import')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), AFTER_IMPORT_MS);
    timer.unref();
  });
  setInterval(() => void run(), HOUR).unref();
}

async function listContractIds(store: Store, tenant: string): Promise<string[]> {
  return [...new Set((await listVersions(store, tenant)).map((v) => v.contractId))];
}
