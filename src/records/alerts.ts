import type { Executor } from '../store/store.js';
import { appendAudit } from './audit.js';

/**
 * The `outcome.alert` event: an outcome (or a reported measurement) of a contract crossed
 * its alert threshold. Whatever detects it calls this in its own transaction; the alert is
 * audited and reaches the client's webhooks and the contract vendor's.
 */
export interface OutcomeAlert {
  contract: string;
  metric: string;
  period: string;
  value: number | null;
  threshold: number;
  message: string;
  /** The rest of the alert as evidence/alerts.ts stored it (state, previous state, projected pay...). */
  [detail: string]: unknown;
}

export const raiseOutcomeAlert = (tx: Executor, tenant: string, alert: OutcomeAlert): Promise<void> =>
  appendAudit(tx, tenant, {
    action: 'outcome.alert',
    subject: `${alert.contract} ${alert.metric}`,
    detail: { ...alert },
    event: { type: 'outcome.alert', data: { ...alert } },
  });
