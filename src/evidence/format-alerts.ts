import type { Projection } from '../contracts/projection.js';
import { textTable } from '../core/text-table.js';
import type { OutcomeAlert } from './alert-hook.js';

const num = (v: number | null) => (v === null ? '-' : v.toFixed(4));

/** The projection of the period in progress, then the state changes found now and before. */
export function alertsText(projection: Projection, fired: OutcomeAlert[], history: OutcomeAlert[]): string {
  const rows = projection.items.map((i) => [
    i.portfolio,
    i.metric,
    num(i.value),
    `${num(i.low)}..${num(i.high)}`,
    String(i.n),
    `${i.direction === 'higher' ? '>=' : '<='} ${i.target}`,
    i.projectedPay ?? '-',
    i.state,
  ]);
  const changes = history.map((a) => [
    a.asOf.slice(0, 16),
    a.period,
    `${a.portfolio}/${a.metric}`,
    `${a.previousState ?? '-'} -> ${a.state}`,
    a.change,
  ]);
  return [
    `${projection.contract} v${projection.version}, ${projection.period} in progress: ${projection.from}..${projection.to} measured, as of ${projection.asOf}`,
    `money at risk (projected penalties): ${projection.moneyAtRisk} ${projection.currency}; projected total ${projection.projectedTotal} ${projection.currency}`,
    '',
    textTable(
      ['portfolio', 'metric', 'value', '95% interval', 'n', 'target', 'projected pay', 'state'],
      rows,
    ),
    '',
    `${fired.length} new alert(s)`,
    ...(changes.length > 0 ? [textTable(['as of', 'period', 'outcome', 'state', 'change'], changes)] : []),
    '',
  ].join('\n');
}
