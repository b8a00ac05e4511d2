import { fixed, formatCount, formatP, formatPercent, formatValue } from './format.js';
import { attritionSpike, evidentMiss } from './model.js';
import {
  comparator,
  counted,
  type Finding,
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

/** The rules that push to renew with changes: a key measurement missed, an attrition spike, value fell, outcomes not moved, one outcome worse. */

export const keyMeasurement: RenewalRule = {
  id: 'changes.key-measurement',
  recommendation: 'renew_with_changes',
  condition:
    'a key measurement of remoteOperations or security misses its threshold in the latest period of the term so far, ' +
    'with the whole 95% interval on the wrong side (access compliance: under {accessMissFloor})',
  template: "{label} was {value} in {period} against the contract's {comparator} {threshold}{interval}.",
  evaluate(card, s) {
    const findings: Finding[] = [];
    for (const row of card.operations) {
      if (row.threshold === null) continue;
      const latest = latestWithData(row);
      if (!latest) continue;
      const threshold = isAccess(row) ? Math.min(row.threshold, s.accessMissFloor) : row.threshold;
      if (!evidentMiss(latest, threshold, row.direction)) continue;
      const interval =
        latest.low !== null && latest.high !== null
          ? ` (95% interval ${formatValue(latest.low, row.unit, row.metric)}–${formatValue(latest.high, row.unit, row.metric)}, n = ${formatCount(latest.n)})`
          : ` (n = ${formatCount(latest.n)})`;
      findings.push({
        values: {
          label: row.label,
          value: formatValue(latest.value, row.unit, row.metric),
          period: latest.display,
          comparator: isAccess(row) ? 'tolerance: at least' : comparator(row),
          threshold: formatValue(threshold, row.unit, row.metric),
          interval,
        },
        facts: [metricFact(card, row, latest)],
      });
    }
    return findings;
  },
};

export const attritionSpikeRule: RenewalRule = {
  id: 'changes.attrition-spike',
  recommendation: 'renew_with_changes',
  condition:
    "a site's agent leavers in a period of the term so far are more than an annual attrition of {attritionReference} explains " +
    '(one-sided Poisson test, p < {significance})',
  template:
    'agent attrition at {site} spiked: {list}; more leavers than an annual attrition of {reference} explains, so the renewal needs a retention and backfill plan.',
  evaluate(card, s) {
    const row = card.operations.find((r) => r.metric === 'attrition');
    const findings: Finding[] = [];
    for (const site of card.attritionBySite) {
      const spikes = site.periods.flatMap((p) => {
        if (p.value === null || p.n === 0) return [];
        const test = attritionSpike(p.value, p.n, p.days, s.attritionReference);
        return test.p < s.significance && test.leavers > test.expected ? [{ p, test }] : [];
      });
      if (spikes.length === 0) continue;
      findings.push({
        values: {
          site: site.site,
          reference: formatPercent(s.attritionReference),
          list: list(
            spikes.map(
              ({ p, test }) =>
                `${formatValue(p.value, 'ratio', 'attrition')} annualised in ${p.display} (${test.leavers} leavers from a mean headcount of ${fixed(
                  test.headcount,
                  1,
                )}, ${fixed(test.expected, 1)} expected; ${formatP(test.p)})`,
            ),
          ),
        },
        facts: spikes.map(({ p }) => ({
          source: 'metric' as const,
          metric: 'attrition',
          period: p.period,
          scope: { vendor: card.contract.vendor, workflows: null, site: site.site },
          params: row?.params ?? {},
          value: p.value as number,
          text: formatValue(p.value, 'ratio', 'attrition'),
        })),
      });
    }
    return findings;
  },
};

export const valueFell: RenewalRule = {
  id: 'changes.value-fell',
  recommendation: 'renew_with_changes',
  condition: "value per contact in the latest period of the term so far is below the first period's",
  template:
    'value per contact fell from {first} in {firstPeriod} to {latest} in {latestPeriod} ({change}), while cost per contact went from {costFirst} to {costLatest} ({costChange}).',
  evaluate(card) {
    return valueFindings(card, (first, latest) => latest < first);
  },
};

export const notMoved: RenewalRule = {
  id: 'changes.outcomes-not-moved',
  recommendation: 'renew_with_changes',
  condition:
    'no more than {renewMovedShare} of the outcomes with data moved in the better direction with p < 0.05 over the term so far',
  template:
    'only {moved} of {counted} outcomes moved (p < 0.05) over {term}{worse}; no evidence of a move: {list}. Renew only on reset targets or a remediation plan.',
  evaluate(card, s) {
    const n = counted(card).length;
    const m = moved(card).length;
    if (n > 0 && m / n > s.renewMovedShare) return [];
    const still = card.outcomes.filter(
      (o) => o.term.evidence === 'did_not_move' || o.term.evidence === 'insufficient',
    );
    const k = worse(card).length;
    return [
      {
        values: {
          moved: m,
          counted: n,
          term: card.termSoFar.display,
          worse: k === 0 ? '' : `, ${k} got worse`,
          list: still.length === 0 ? 'none' : list(still.map(outcomeLine)),
        },
        facts: still.filter((o) => o.term.value !== null).map((o) => outcomeFact(card, o)),
      },
    ];
  },
};

export const oneWorse: RenewalRule = {
  id: 'changes.outcome-worse',
  recommendation: 'renew_with_changes',
  condition:
    'an outcome is worse than its baseline with p < 0.05 over the term so far (fewer than {retenderWorseOutcomes})',
  template: '{list} got worse than its baseline over {term}.',
  evaluate(card, s) {
    const bad = worse(card);
    if (bad.length === 0 || bad.length >= s.retenderWorseOutcomes) return [];
    return bad.map((o) => ({
      values: { list: outcomeLine(o), term: card.termSoFar.display },
      facts: [outcomeFact(card, o)],
    }));
  },
};
