import type { RfpResponse } from './types.js';

/**
 * "Cost-era vendor or value-era partner" (the seed's three questions, docs/rfp.md), by
 * stated rules on what a response commits to and attaches, not on how it reads. Six
 * signals; a value-era partner shows at least four of them, one of which is an outcome
 * signal (outcome-based pricing or before/after data): a vendor who neither prices on
 * outcomes nor shows an outcome it moved is selling labour, however good the rest reads.
 */

export type SignalId =
  | 'outcome_pricing'
  | 'before_after_data'
  | 'coaching_cadence'
  | 'succession_planning'
  | 'error_monitoring'
  | 'escalation_design';

export interface Signal {
  id: SignalId;
  label: string;
  /** The rule in words. */
  rule: string;
  met: boolean;
  /** What in the response decided it. */
  detail: string;
}

export type Classification = 'value_era_partner' | 'cost_era_vendor';

export const CLASSIFICATION_LABEL: Record<Classification, string> = {
  value_era_partner: 'value-era partner',
  cost_era_vendor: 'cost-era vendor',
};

export interface ClassificationRules {
  /** Outcome pricing: an outcome-based model, or at least this share of the fee at risk. */
  minAtRisk: number;
  /** Coaching cadence: at most this many days between an agent's coaching sessions. */
  maxCoachingDays: number;
  /** Signals a value-era partner shows (one of them an outcome signal). */
  minSignals: number;
}

export const DEFAULT_CLASSIFICATION_RULES: ClassificationRules = {
  minAtRisk: 0.1,
  maxCoachingDays: 14,
  minSignals: 4,
};

const evidenceOf = (response: RfpResponse, kind: string) =>
  response.answers.flatMap((a) => a.evidence.filter((e) => e.kind === kind));

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function signals(
  response: RfpResponse,
  rules: ClassificationRules = DEFAULT_CLASSIFICATION_RULES,
): Signal[] {
  const { pricing, commitments } = response;
  const beforeAfter = evidenceOf(response, 'before_after_data').filter((e) => e.before && e.after);
  const succession = evidenceOf(response, 'succession_plan');
  const monitoring = evidenceOf(response, 'error_monitoring');
  const escalation = evidenceOf(response, 'escalation_design');
  const cadenceDays = commitments.coachingCadence === undefined ? null : commitments.coachingCadence / 86_400;
  const titles = (items: { title: string }[]) => items.map((e) => `"${e.title}"`).join(', ');
  return [
    {
      id: 'outcome_pricing',
      label: 'outcome-based pricing',
      rule: `pricing.model is outcome_based, or at least ${pct(rules.minAtRisk)} of the fee is at risk on outcomes`,
      met: pricing.model === 'outcome_based' || pricing.atRisk >= rules.minAtRisk,
      detail: `${pricing.model.replace('_', ' ')} pricing, ${pct(pricing.atRisk)} at risk`,
    },
    {
      id: 'before_after_data',
      label: 'before and after data per workflow',
      rule: 'at least one before_after_data attachment with a value before and after',
      met: beforeAfter.length > 0,
      detail:
        beforeAfter.length > 0
          ? beforeAfter
              .map(
                (e) =>
                  `${e.metric ?? 'value'}${e.workflow ? ` on ${e.workflow}` : ''} ${e.before?.value} → ${e.after?.value}`,
              )
              .join('; ')
          : 'no before and after values attached',
    },
    {
      id: 'coaching_cadence',
      label: 'regular coaching',
      rule: `commitments.coachingCadence is at most ${rules.maxCoachingDays}d`,
      met: cadenceDays !== null && cadenceDays <= rules.maxCoachingDays,
      detail:
        cadenceDays === null
          ? 'no coaching cadence committed'
          : `coaching every ${commitments.coachingCadenceText}`,
    },
    {
      id: 'succession_planning',
      label: 'succession planning for team leads',
      rule: 'a succession_plan attachment',
      met: succession.length > 0,
      detail:
        succession.length > 0
          ? `${titles(succession)}${commitments.successionCoverage === undefined ? '' : `, ${pct(commitments.successionCoverage)} of team-lead roles covered`}`
          : 'no succession plan attached',
    },
    {
      id: 'error_monitoring',
      label: 'error monitoring of automated paths',
      rule: 'an error_monitoring attachment',
      met: monitoring.length > 0,
      detail: monitoring.length > 0 ? titles(monitoring) : 'no error monitoring shown',
    },
    {
      id: 'escalation_design',
      label: 'escalation design from bot to human',
      rule: 'an escalation_design attachment',
      met: escalation.length > 0,
      detail: escalation.length > 0 ? titles(escalation) : 'no escalation design shown',
    },
  ];
}

const OUTCOME_SIGNALS: SignalId[] = ['outcome_pricing', 'before_after_data'];

export function classify(
  response: RfpResponse,
  rules: ClassificationRules = DEFAULT_CLASSIFICATION_RULES,
): { classification: Classification; label: string; count: number; signals: Signal[]; reason: string } {
  const list = signals(response, rules);
  const count = list.filter((s) => s.met).length;
  const outcome = list.some((s) => s.met && OUTCOME_SIGNALS.includes(s.id));
  const value = count >= rules.minSignals && outcome;
  const classification: Classification = value ? 'value_era_partner' : 'cost_era_vendor';
  const reason = value
    ? `${count} of ${list.length} value-era signals, including ${list
        .filter((s) => s.met && OUTCOME_SIGNALS.includes(s.id))
        .map((s) => s.label)
        .join(' and ')}`
    : !outcome
      ? `no outcome signal (neither outcome-based pricing nor before and after data); ${count} of ${list.length} signals`
      : `${count} of ${list.length} value-era signals, fewer than the ${rules.minSignals} a value-era partner shows`;
  return { classification, label: CLASSIFICATION_LABEL[classification], count, signals: list, reason };
}
