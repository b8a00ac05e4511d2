import type { Change, ProjectedState } from '../core/projection/state.js';

/** One stored change of an outcome's projected state (the `outcome.alert` event's body). */
export interface OutcomeAlert {
  id: string;
  tenant: string;
  contract: string;
  period: string;
  /** `chronic_failure`: a settled default left the outcome one default short of a termination right. */
  kind: 'outcome' | 'key_measurement' | 'chronic_failure';
  portfolio: string;
  metric: string;
  label: string;
  previousState: ProjectedState | null;
  state: ProjectedState | 'one_short_of_chronic_failure';
  change: Change;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  target: number;
  projectedPay: string | null;
  moneyAtRisk: string;
  currency: string;
  asOf: string;
  /** For `chronic_failure`: the clause and the defaults counted in the window. */
  chronicFailure?: { misses: number; within: number; defaults: string[] };
}

type Listener = (alert: OutcomeAlert) => void | Promise<void>;
const listeners = new Set<Listener>();

/** Webhook and e-mail delivery register here; returns the function that unregisters. */
export function addAlertListener(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The hook point called once for each alert after it is stored: delivery code (the
 * `outcome.alert` webhook and e-mail events) listens here. A failing listener does not
 * undo the stored alert, and the others still run.
 */
export async function onAlert(alert: OutcomeAlert): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(alert);
    } catch {
      // Delivery retries are the listener's business; the alert itself is stored.
    }
  }
}
