import { Dec } from '../money/money.js';
import {
  fill,
  fixed,
  formatChange,
  formatCount,
  formatDifference,
  formatMoney,
  formatP,
  formatPercent,
  formatValue,
} from './format.js';
import { attritionSpike, evidentMiss } from './model.js';
import {
  type Fact,
  type MeasurementPeriod,
  type MeasurementRow,
  type OutcomeRow,
  RECOMMENDATION_LABEL,
  type Reason,
  type Recommendation,
  type RecommendationId,
  type RuleSettings,
  type ScorecardData,
  SEVERITY,
} from './types.js';

/**
 * The renewal rules (docs/renewal.md) as data: each has an id, the recommendation it
 * pushes to, its condition in words, and a reason template; `evaluate` reads the
 * scorecard's numbers and returns one finding per reason (none: the rule did not fire),
 * each with the numbers it quotes. The recommendation is the most severe one any fired
 * rule pushes to; its reasons are those rules' reasons.
 */

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  significance: 0.05,
  renewMovedShare: 0.5,
  retenderWithheldShare: 0.25,
  retenderWorseOutcomes: 2,
  accessBreachFloor: 0.95,
  accessMissFloor: 0.98,
  attritionReference: 0.5,
};

export interface Finding {
  values: Record<string, string | number>;
  facts: Fact[];
}

export interface RenewalRule {
  id: string;
  recommendation: RecommendationId;
  /** The condition in words; `{setting}` names a RuleSettings value. */
  condition: string;
  /** The reason; `{name}` is filled from a finding's values. */
  template: string;
  evaluate(card: ScorecardData, settings: RuleSettings): Finding[];
}

// ---------------------------------------------------------------------------------------
// Reading the scorecard

/** Outcomes with data over the term so far: the denominator of "most outcomes moved". */
const counted = (card: ScorecardData) => card.outcomes.filter((o) => o.term.evidence !== 'insufficient');
const moved = (card: ScorecardData) => card.outcomes.filter((o) => o.term.evidence === 'moved');
const worse = (card: ScorecardData) => card.outcomes.filter((o) => o.term.evidence === 'worse');

const outcomeName = (o: OutcomeRow) => `${o.portfolioName}: ${o.label}`;

/** The outcome's term value as a fact the metric engine can recompute. */
function outcomeFact(card: ScorecardData, o: OutcomeRow): Fact {
  const value = o.term.value ?? Number.NaN;
  return {
    source: 'metric',
    metric: o.metric,
    period: card.termSoFar.period,
    scope: o.scope,
    params: o.params,
    baseline: o.baseline.query,
    value,
    text: formatValue(value, o.unit, o.metric),
  };
}

/** `Card disputes: CSAT 84.4% vs baseline 78.0% (+6.4 pp, p < 0.001)`. */
const outcomeLine = (o: OutcomeRow) =>
  `${outcomeName(o)} ${formatValue(o.term.value, o.unit, o.metric)} vs baseline ${formatValue(
    o.baseline.value,
    o.unit,
    o.metric,
  )} (${formatDifference(o.term.difference, o.unit, o.metric)}, ${formatP(o.term.p)})`;

const list = (items: string[]) => items.join('; ');

const isAccess = (row: MeasurementRow) => row.metric === 'access_compliance';

/** The latest period of a measurement, when it has data (a period without data is not judged). */
const latestWithData = (row: MeasurementRow): MeasurementPeriod | undefined => {
  const latest = row.periods.at(-1);
  return latest && latest.value !== null ? latest : undefined;
};

function metricFact(
  card: ScorecardData,
  row: MeasurementRow,
  p: { period: string; value: number | null },
): Fact {
  const value = p.value ?? Number.NaN;
  return {
    source: 'metric',
    metric: row.metric,
    period: p.period,
    scope: row.scope,
    params: row.params,
    value,
    text: formatValue(value, row.unit, row.metric, card.contract.currency),
  };
}

const comparator = (row: MeasurementRow) => (row.direction === 'lower' ? 'maximum' : 'minimum');

// ---------------------------------------------------------------------------------------
// The rules

const stalledAndWithheld: RenewalRule = {
  id: 'retender.stalled-and-withheld',
  recommendation: 're_tender',
  condition:
    'no more than {renewMovedShare} of the outcomes with data moved over the term so far, and the money withheld ' +
    '(outcome adjustments net of bonuses and caps) is at least {retenderWithheldShare} of the amount at risk',
  template:
    '{moved} of {counted} outcomes moved (p < 0.05) over {term}, while {withheld} was withheld: ' +
    '{share} of the {atRisk} at risk (the rule re-tenders at {limit} or more).',
  evaluate(card, s) {
    const n = counted(card).length;
    const m = moved(card).length;
    const { withheldShare, adjustments, atRisk } = card.money.term;
    if (n > 0 && m / n > s.renewMovedShare) return [];
    if (withheldShare === null || withheldShare < s.retenderWithheldShare) return [];
    const currency = card.money.currency;
    const withheld = new Dec(adjustments).neg().toNumber();
    const scope = { vendor: card.contract.vendor, workflows: card.contract.workflows };
    const withheldText = formatMoney(withheld, currency);
    const atRiskText = formatMoney(atRisk, currency);
    return [
      {
        values: {
          moved: m,
          counted: n,
          term: card.termSoFar.display,
          withheld: withheldText,
          share: formatPercent(withheldShare),
          atRisk: atRiskText,
          limit: formatPercent(s.retenderWithheldShare),
        },
        facts: [
          {
            source: 'settlement',
            metric: 'withheld',
            period: card.termSoFar.period,
            scope,
            value: withheld,
            text: withheldText,
          },
          {
            source: 'settlement',
            metric: 'at_risk',
            period: card.termSoFar.period,
            scope,
            value: new Dec(atRisk).toNumber(),
            text: atRiskText,
          },
        ],
      },
    ];
  },
};

const outcomesWorse: RenewalRule = {
  id: 'retender.outcomes-worse',
  recommendation: 're_tender',
  condition:
    'at least {retenderWorseOutcomes} outcomes are worse than their baseline with p < 0.05 over the term so far',
  template: '{count} outcomes got worse than their baseline over {term}: {list}.',
  evaluate(card, s) {
    const bad = worse(card);
    if (bad.length < s.retenderWorseOutcomes) return [];
    return [
      {
        values: { count: bad.length, term: card.termSoFar.display, list: list(bad.map(outcomeLine)) },
        facts: bad.map((o) => outcomeFact(card, o)),
      },
    ];
  },
};

const accessBreach: RenewalRule = {
  id: 'retender.access-breach',
  recommendation: 're_tender',
  condition:
    'access compliance is under {accessBreachFloor} in any period of the term so far, with the whole 95% interval under it ' +
    '(a material breach; the contract requires every login to comply with security.access)',
  template:
    'access compliance was {list}: under the {floor} floor of a material breach (the contract requires every login to use MFA, a compliant device and an allowed country).',
  evaluate(card, s) {
    const row = card.operations.find(isAccess);
    if (!row) return [];
    const breached = row.periods.filter((p) => evidentMiss(p, s.accessBreachFloor, 'higher'));
    if (breached.length === 0) return [];
    return [
      {
        values: {
          list: list(
            breached.map(
              (p) =>
                `${formatValue(p.value, row.unit)} in ${p.display} (95% interval ${formatValue(p.low, row.unit)}–${formatValue(
                  p.high,
                  row.unit,
                )}, n = ${formatCount(p.n)} logins)`,
            ),
          ),
          floor: formatPercent(s.accessBreachFloor),
        },
        facts: breached.map((p) => metricFact(card, row, p)),
      },
    ];
  },
};

const calibration: RenewalRule = {
  id: 'retender.calibration',
  recommendation: 're_tender',
  condition:
    'QA calibration alpha over the term so far is below remoteOperations.qaCalibration.minAlpha, and so is the upper end of its 95% interval',
  template:
    "QA calibration alpha over {term} is {value} (95% interval {low}–{high}, n = {n} pairable scores), below the contract's minimum {threshold}: " +
    'QA reviewers across sites do not score alike, so the quality scores cannot be relied on.',
  evaluate(card) {
    const row = card.operations.find((r) => r.metric === 'qa_alpha');
    if (!row || row.threshold === null || !evidentMiss(row.term, row.threshold, 'higher')) return [];
    const t = row.term;
    return [
      {
        values: {
          term: card.termSoFar.display,
          value: formatValue(t.value, row.unit),
          low: formatValue(t.low, row.unit),
          high: formatValue(t.high, row.unit),
          n: formatCount(t.n),
          threshold: formatValue(row.threshold, row.unit),
        },
        facts: [metricFact(card, row, t)],
      },
    ];
  },
};

const keyMeasurement: RenewalRule = {
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

const attritionSpikeRule: RenewalRule = {
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

/** First and latest period of the value section with both numbers. */
function valueEnds(card: ScorecardData) {
  const rows = card.value.periods.filter((p) => p.valuePerContact !== null && p.costPerContact !== null);
  const first = rows[0];
  const latest = rows.at(-1);
  return first && latest && first !== latest ? { first, latest } : null;
}

function valueFinding(card: ScorecardData): Finding | null {
  const ends = valueEnds(card);
  if (!ends) return null;
  const { first, latest } = ends;
  const c = card.contract.currency;
  const scope = { vendor: card.contract.vendor, workflows: card.contract.workflows };
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const fact = (metric: string, p: typeof first, value: number): Fact => ({
    source: 'value',
    metric,
    period: p.period,
    scope,
    value,
    text: money(value),
  });
  const rel = (a: number, b: number) => (a === 0 ? null : (b - a) / Math.abs(a));
  const v0 = first.valuePerContact as number;
  const v1 = latest.valuePerContact as number;
  const c0 = first.costPerContact as number;
  const c1 = latest.costPerContact as number;
  return {
    values: {
      first: money(v0),
      latest: money(v1),
      firstPeriod: first.display,
      latestPeriod: latest.display,
      change: formatChange(rel(v0, v1)),
      costFirst: money(c0),
      costLatest: money(c1),
      costChange: formatChange(rel(c0, c1)),
    },
    facts: [
      fact('value_per_contact', first, v0),
      fact('value_per_contact', latest, v1),
      fact('cost_per_contact', first, c0),
      fact('cost_per_contact', latest, c1),
    ],
  };
}

const valueFell: RenewalRule = {
  id: 'changes.value-fell',
  recommendation: 'renew_with_changes',
  condition: "value per contact in the latest period of the term so far is below the first period's",
  template:
    'value per contact fell from {first} in {firstPeriod} to {latest} in {latestPeriod} ({change}), while cost per contact went from {costFirst} to {costLatest} ({costChange}).',
  evaluate(card) {
    const f = valueFinding(card);
    const ends = valueEnds(card);
    return f && ends && (ends.latest.valuePerContact as number) < (ends.first.valuePerContact as number)
      ? [f]
      : [];
  },
};

const notMoved: RenewalRule = {
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

const oneWorse: RenewalRule = {
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

const outcomesMoved: RenewalRule = {
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

const valueRose: RenewalRule = {
  id: 'renew.value-rose',
  recommendation: 'renew',
  condition: "value per contact in the latest period of the term so far is above the first period's",
  template:
    'value per contact rose from {first} in {firstPeriod} to {latest} in {latestPeriod} ({change}); cost per contact went from {costFirst} to {costLatest} ({costChange}).',
  evaluate(card) {
    const f = valueFinding(card);
    const ends = valueEnds(card);
    return f && ends && (ends.latest.valuePerContact as number) > (ends.first.valuePerContact as number)
      ? [f]
      : [];
  },
};

const operationsMet: RenewalRule = {
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

/** Every rule, in the order reasons are listed within a recommendation. */
export const RENEWAL_RULES: readonly RenewalRule[] = [
  stalledAndWithheld,
  outcomesWorse,
  accessBreach,
  calibration,
  notMoved,
  oneWorse,
  keyMeasurement,
  attritionSpikeRule,
  valueFell,
  outcomesMoved,
  valueRose,
  operationsMet,
];

/** A rule's condition with its settings filled in (for the docs and the page). */
export function describeCondition(rule: RenewalRule, settings: RuleSettings): string {
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings) as [keyof RuleSettings, number][]) {
    shown[key] =
      key === 'retenderWorseOutcomes' || key === 'significance' ? String(value) : formatPercent(value);
  }
  return fill(rule.condition, shown);
}

/** Applies the rules: the most severe recommendation pushed by a fired rule, with every reason. */
export function recommend(
  card: ScorecardData,
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
  rules: readonly RenewalRule[] = RENEWAL_RULES,
): Recommendation {
  const reasons: Reason[] = [];
  const outcomes = rules.map((rule) => {
    const findings = rule.evaluate(card, settings);
    for (const finding of findings) {
      reasons.push({
        rule: rule.id,
        recommendation: rule.recommendation,
        text: capitalise(fill(rule.template, finding.values)),
        facts: finding.facts,
      });
    }
    return {
      id: rule.id,
      recommendation: rule.recommendation,
      condition: describeCondition(rule, settings),
      fired: findings.length > 0,
    };
  });
  // Without any fired rule (not possible with the default rules), the evidence is not there to renew as is.
  const decision = reasons.reduce<RecommendationId>(
    (worst, r) => (SEVERITY[r.recommendation] > SEVERITY[worst] ? r.recommendation : worst),
    reasons.length === 0 ? 'renew_with_changes' : 'renew',
  );
  return {
    decision,
    label: RECOMMENDATION_LABEL[decision],
    reasons: reasons.filter((r) => r.recommendation === decision),
    otherReasons: reasons
      .filter((r) => r.recommendation !== decision)
      .sort((a, b) => SEVERITY[b.recommendation] - SEVERITY[a.recommendation]),
    rules: outcomes,
    settings,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
