import { createHash } from 'node:crypto';
import type { Settlement } from '../core/settlement/types.js';
import { sql } from '../core/sql/fragment.js';
import { raiseOutcomeAlert } from '../records/alerts.js';
import type { Store } from '../store/store.js';
import { type OutcomeAlert, onAlert } from './alert-hook.js';

/**
 * The chronic-failure alert (contract-format.md): when a settled period's default leaves
 * an outcome one default short of a termination right, one outcome alert, through the
 * same table, `outcome.alert` event and listeners as the projection's state changes.
 * Once per contract, period and outcome: settling the period again adds nothing.
 */
export async function raiseChronicAlerts(
  store: Store,
  tenant: string,
  contractId: string,
  parts: readonly Settlement[],
  asOf: string,
): Promise<OutcomeAlert[]> {
  const last = parts.at(-1);
  const chronic = last?.mechanics?.chronicFailure;
  if (!last || !chronic) return [];
  const fired = await store.transaction(async (tx) => {
    const alerts: OutcomeAlert[] = [];
    for (const o of chronic.outcomes.filter((x) => x.oneShort)) {
      const id = `chronic-${createHash('sha256')
        .update([tenant, contractId, last.period, o.portfolio, o.metric].join('\n'))
        .digest('hex')
        .slice(0, 24)}`;
      const [seen] = await tx.query<{ n: number }>(
        sql`SELECT count(*) AS n FROM outcome_alerts WHERE tenant = ${tenant} AND alert_id = ${id}`,
      );
      if (Number(seen?.n ?? 0) > 0) continue;
      const line = last.lines.find(
        (l) => l.kind === 'outcome' && l.portfolio === o.portfolio && l.metric === o.metric,
      );
      const trace = line?.kind === 'outcome' ? line.trace : undefined;
      const inWindow = o.defaults.filter((p) => chronic.periods.slice(-chronic.within).includes(p));
      const alert: OutcomeAlert = {
        id,
        tenant,
        contract: contractId,
        period: last.period,
        kind: 'chronic_failure',
        portfolio: o.portfolio,
        metric: o.metric,
        label: o.label,
        previousState: null,
        state: 'one_short_of_chronic_failure',
        change: 'worsened',
        value: trace?.value ?? null,
        low: trace?.low ?? null,
        high: trace?.high ?? null,
        n: trace?.n ?? 0,
        target: trace?.target ?? 0,
        projectedPay: line?.amount ?? null,
        moneyAtRisk: last.atRisk,
        currency: last.currency,
        asOf,
        chronicFailure: { misses: chronic.misses, within: chronic.within, defaults: inWindow },
      };
      await tx.run(sql`INSERT INTO outcome_alerts VALUES (${tenant}, ${id}, ${contractId}, ${alert.period},
        ${alert.portfolio}, ${alert.metric}, ${null}, ${alert.state}, CAST(${asOf} AS TIMESTAMPTZ),
        ${JSON.stringify(alert)}, CURRENT_TIMESTAMP)`);
      await raiseOutcomeAlert(tx, tenant, {
        ...alert,
        threshold: alert.target,
        message: `${o.label}: ${inWindow.length} defaults (${inWindow.join(', ')}) within ${chronic.within} periods, one short of the ${chronic.misses} that give a termination right`,
      });
      alerts.push(alert);
    }
    return alerts;
  });
  for (const alert of fired) await onAlert(alert);
  return fired;
}
