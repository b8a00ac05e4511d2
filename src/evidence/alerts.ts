import { createHash } from 'node:crypto';
import { type Projection, projectContract } from '../contracts/projection.js';
import { type ProjectedState, stateChange } from '../core/projection/state.js';
import { sql } from '../core/sql/fragment.js';
import { raiseOutcomeAlert } from '../records/alerts.js';
import type { Executor, Store } from '../store/store.js';
import { type OutcomeAlert, onAlert } from './alert-hook.js';

interface LatestRow {
  portfolio: string;
  metric: string;
  state: ProjectedState;
}

/**
 * Projects the contract's period in progress and stores one alert per outcome whose
 * state changed since the last one stored for that period (worsened, recovered, or into
 * or out of insufficient data), then hands each new alert to `onAlert`.
 */
export async function evaluateAlerts(
  store: Store,
  tenant: string,
  contractId: string,
  asOf: string = new Date().toISOString(),
): Promise<{ projection: Projection; fired: OutcomeAlert[] }> {
  const projection = await projectContract(store, tenant, contractId, asOf);
  const fired = await store.transaction(async (tx) => {
    const latest = await latestStates(tx, tenant, contractId, projection.period);
    const alerts: OutcomeAlert[] = [];
    for (const item of projection.items) {
      const previous = latest.get(`${item.portfolio}/${item.metric}`) ?? null;
      const change = stateChange(previous, item.state);
      if (!change) continue;
      const alert: OutcomeAlert = {
        id: createHash('sha256')
          .update(
            [tenant, contractId, projection.period, item.portfolio, item.metric, projection.asOf].join('\n'),
          )
          .digest('hex')
          .slice(0, 24),
        tenant,
        contract: contractId,
        period: projection.period,
        kind: item.kind,
        portfolio: item.portfolio,
        metric: item.metric,
        label: item.label,
        previousState: previous,
        state: item.state,
        change,
        value: item.value,
        low: item.low,
        high: item.high,
        n: item.n,
        target: item.target,
        projectedPay: item.projectedPay,
        moneyAtRisk: projection.moneyAtRisk,
        currency: projection.currency,
        asOf: projection.asOf,
      };
      await tx.run(sql`INSERT INTO outcome_alerts VALUES (${tenant}, ${alert.id}, ${contractId}, ${alert.period},
        ${alert.portfolio}, ${alert.metric}, ${previous}, ${alert.state}, CAST(${alert.asOf} AS TIMESTAMPTZ),
        ${JSON.stringify(alert)}, CURRENT_TIMESTAMP)`);
      // The outcome.alert webhook and e-mail event, in the outbox of the same transaction.
      await raiseOutcomeAlert(tx, tenant, {
        ...alert,
        threshold: alert.target,
        message: `${alert.label}: ${previous ?? 'new'} -> ${alert.state} (${alert.change})`,
      });
      alerts.push(alert);
    }
    return alerts;
  });
  for (const alert of fired) await onAlert(alert);
  return { projection, fired };
}

/** Each outcome's last stored state in a period (the latest as-of wins). */
async function latestStates(tx: Executor, tenant: string, contractId: string, period: string) {
  const rows = await tx.query<LatestRow & { as_of: string }>(
    sql`SELECT portfolio, metric, state, CAST(as_of AS VARCHAR) AS as_of FROM outcome_alerts
        WHERE tenant = ${tenant} AND contract_id = ${contractId} AND period = ${period}
          AND state <> 'one_short_of_chronic_failure'
        ORDER BY as_of, created_at`,
  );
  const latest = new Map<string, ProjectedState>();
  for (const row of rows) latest.set(`${row.portfolio}/${row.metric}`, row.state as ProjectedState);
  return latest;
}

/** The stored state changes of a contract (or all contracts), newest first. */
export async function listAlerts(
  store: Executor,
  tenant: string,
  contractId?: string,
  limit = 500,
): Promise<OutcomeAlert[]> {
  const rows = await store.query<{ body: string }>(
    sql`SELECT CAST(body AS VARCHAR) AS body FROM outcome_alerts WHERE tenant = ${tenant}
        ${contractId === undefined ? sql`` : sql`AND contract_id = ${contractId}`}
        ORDER BY as_of DESC, created_at DESC LIMIT ${Math.min(Math.max(1, limit), 5000)}`,
  );
  return rows.map((row) => JSON.parse(row.body) as OutcomeAlert);
}
