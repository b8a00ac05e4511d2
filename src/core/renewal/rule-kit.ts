import { formatChange, formatDifference, formatP, formatValue } from './format.js';
import type {
  Fact,
  MeasurementPeriod,
  MeasurementRow,
  OutcomeRow,
  RecommendationId,
  RuleSettings,
  ScorecardData,
} from './types.js';

/**
 * What the renewal rules share: the shape of a rule and its findings, and the readings of
 * the scorecard the rules quote (outcomes that moved or got worse, the latest period of a
 * measurement, the first and latest value per contact), each number as a Fact.
 */

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

/** Outcomes with data over the term so far: the denominator of "most outcomes moved". */
export const counted = (card: ScorecardData) =>
  card.outcomes.filter((o) => o.term.evidence !== 'insufficient');
export const moved = (card: ScorecardData) => card.outcomes.filter((o) => o.term.evidence === 'moved');
export const worse = (card: ScorecardData) => card.outcomes.filter((o) => o.term.evidence === 'worse');

const outcomeName = (o: OutcomeRow) => `${o.portfolioName}: ${o.label}`;

/** The outcome's term value as a fact the metric engine can recompute. */
export function outcomeFact(card: ScorecardData, o: OutcomeRow): Fact {
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
export const outcomeLine = (o: OutcomeRow) =>
  `${outcomeName(o)} ${formatValue(o.term.value, o.unit, o.metric)} vs baseline ${formatValue(
    o.baseline.value,
    o.unit,
    o.metric,
  )} (${formatDifference(o.term.difference, o.unit, o.metric)}, ${formatP(o.term.p)})`;

export const list = (items: string[]) => items.join('; ');

export const isAccess = (row: MeasurementRow) => row.metric === 'access_compliance';

/** The latest period of a measurement, when it has data (a period without data is not judged). */
export const latestWithData = (row: MeasurementRow): MeasurementPeriod | undefined => {
  const latest = row.periods.at(-1);
  return latest && latest.value !== null ? latest : undefined;
};

export function metricFact(
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

export const comparator = (row: MeasurementRow) => (row.direction === 'lower' ? 'maximum' : 'minimum');

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

/** The value finding, when `compare` holds for value per contact in the first and the latest period. */
export function valueFindings(
  card: ScorecardData,
  compare: (first: number, latest: number) => boolean,
): Finding[] {
  const f = valueFinding(card);
  const ends = valueEnds(card);
  return f && ends && compare(ends.first.valuePerContact as number, ends.latest.valuePerContact as number)
    ? [f]
    : [];
}
