import type { RecommendationId, ScopeRef } from './types.js';

/** The renewal recommendation as data: the facts its reasons quote, the rules and their settings. */

/** A number a reason quotes, with what to measure to check it. */
export interface Fact {
  /** metric: the metric engine (runQuery); settlement: computed invoices; value: value metrics. */
  source: 'metric' | 'settlement' | 'value';
  metric: string;
  period: string;
  scope: ScopeRef;
  params?: Record<string, unknown>;
  /** For metric facts against a baseline: the baseline the engine was asked for. */
  baseline?: string;
  value: number;
  /** The number as the reason quotes it. */
  text: string;
}

export interface Reason {
  rule: string;
  recommendation: RecommendationId;
  text: string;
  facts: Fact[];
}

export interface RuleOutcome {
  id: string;
  recommendation: RecommendationId;
  condition: string;
  fired: boolean;
}

export interface Recommendation {
  decision: RecommendationId;
  label: string;
  /** The reasons for the decision (rules pushing to it), most telling first. */
  reasons: Reason[];
  /** Reasons from rules that pushed to a milder recommendation (shown as "also"). */
  otherReasons: Reason[];
  rules: RuleOutcome[];
  settings: RuleSettings;
}

/** The constants of the renewal rules (docs/renewal.md): data, so a client may set its own. */
export interface RuleSettings {
  /** contract-format.md: an outcome moved when p < this. */
  significance: number;
  /** Renew needs more than this share of the outcomes with data to have moved. */
  renewMovedShare: number;
  /** Re-tender when outcomes did not move and at least this share of the at-risk amount was withheld. */
  retenderWithheldShare: number;
  /** Re-tender when at least this many outcomes got worse with evidence. */
  retenderWorseOutcomes: number;
  /** Re-tender when access compliance is under this in any period (a material breach). */
  accessBreachFloor: number;
  /** Renew with changes when access compliance is under this in the latest period. */
  accessMissFloor: number;
  /**
   * Renew with changes when a site's agent leavers in a quarter are more than this annual
   * attrition rate explains (one-sided Poisson test at `significance`): 0.5 = 50% a year.
   */
  attritionReference: number;
}
