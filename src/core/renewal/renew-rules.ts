import { formatValue } from './format.js';
import { evidentMiss } from './model.js';
import {
  comparator,
  counted,
  isAccess,
  latestWithData,
  list,
  metricFact,
  moved,
  outcomeFact,
  outcomeLine,
  type RenewalRule,
  valueFindings,
  worse,
} from './rule-kit.js';
import type { Fact } from './types.js';

/** The rules that push to renew: outcomes moved, value rose, the key measurements held. */

export const outcomesMoved: RenewalRule = {
  id: 'renew.outcomes-moved',
  recommendation: 'renew',
  condition:
    'more than {renewMovedShare} of the outcomes with data moved in the better direction with p < 0.05 over the term so far, and none got worse with evidence',
  template: '{moved} of {counted} outcomes moved in the better direction over {term} (p < 0.05): {list}.',
  evaluate(card, s) {
    const n = counted(card).length;
    const good = moved(card);
    if (n === 0 || good.length / n <= s.renewMovedShare || worse(card).length > 0) return [];
    return [
      {
        values: {
          moved: good.length,
          counted: n,
          term: card.termSoFar.display,
          list: list(good.map(outcomeLine)),
        },
        facts: good.map((o) => outcomeFact(card, o)),
      },
    ];
  },
};

export const valueRose: RenewalRule = {
  id: 'renew.value-rose',
  recommendation: 'renew',
  condition: "value per contact in the latest period of the term so far is above the first period's",
  template:
    'value per contact rose from {first} in {firstPeriod} to {latest} in {latestPeriod} ({change}); cost per contact went from {costFirst} to {costLatest} ({costChange}).',
  evaluate(card) {
    return valueFindings(card, (first, latest) => latest > first);
  },
};

export const operationsMet: RenewalRule = {
  id: 'renew.operations-met',
  recommendation: 'renew',
  condition:
    'no key measurement misses its threshold with evidence in the latest period of the term so far (access compliance: at least {accessMissFloor})',
  template: 'the key measurements held in the latest period: {list}.',
  evaluate(card, s) {
    const rows = card.operations.filter((r) => r.threshold !== null);
    const items: string[] = [];
    const facts: Fact[] = [];
    for (const row of rows) {
      const latest = latestWithData(row);
      if (!latest || row.threshold === null) continue;
      const threshold = isAccess(row) ? Math.min(row.threshold, s.accessMissFloor) : row.threshold;
      if (evidentMiss(latest, threshold, row.direction)) return [];
      items.push(
        `${row.label} ${formatValue(latest.value, row.unit, row.metric)} in ${latest.display} (${comparator(row)} ${formatValue(
          threshold,
          row.unit,
          row.metric,
        )})`,
      );
      facts.push(metricFact(card, row, latest));
    }
    return items.length === 0 ? [] : [{ values: { list: list(items) }, facts }];
  },
};
