import { attritionSpikeRule, keyMeasurement, notMoved, oneWorse, valueFell } from './change-rules.js';
import { fill, formatPercent } from './format.js';
import { operationsMet, outcomesMoved, valueRose } from './renew-rules.js';
import { accessBreach, calibration, outcomesWorse, stalledAndWithheld } from './retender-rules.js';
import type { RenewalRule } from './rule-kit.js';
import {
  RECOMMENDATION_LABEL,
  type Reason,
  type Recommendation,
  type RecommendationId,
  type RuleSettings,
  type ScorecardData,
  SEVERITY,
} from './types.js';

export type { Finding, RenewalRule } from './rule-kit.js';

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
