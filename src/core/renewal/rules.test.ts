import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, describeCondition, RENEWAL_RULES, recommend } from './rules.js';
import { healthyCard, measurement, outcome, siteSeries } from './test-support/fixture.js';
import type { ScorecardData } from './types.js';

const fired = (card: ScorecardData) =>
  recommend(card)
    .rules.filter((r) => r.fired)
    .map((r) => r.id);

const reasonOf = (card: ScorecardData, rule: string) => {
  const rec = recommend(card);
  return [...rec.reasons, ...rec.otherReasons].find((r) => r.rule === rule);
};

describe('renewal rules', () => {
  it('renews a vendor whose outcomes moved, whose key measurements held and whose value per contact rose', () => {
    const rec = recommend(healthyCard());
    expect(rec.decision).toBe('renew');
    expect(rec.label).toBe('renew');
    expect(rec.reasons.map((r) => r.rule)).toEqual([
      'renew.outcomes-moved',
      'renew.value-rose',
      'renew.operations-met',
    ]);
    expect(rec.otherReasons).toEqual([]);
    // 3 of 4 moved; the quoted numbers are the scorecard's, formatted as the tables show them.
    const moved = rec.reasons[0];
    expect(moved?.text).toContain('3 of 4 outcomes moved');
    expect(moved?.text).toContain('csat 84.0% vs baseline 78.0% (+6.0 pp, p < 0.001)');
    expect(moved?.text).toContain('error_rate 2.50% vs baseline 3.10% (−0.60 pp, p = 0.040)');
    expect(moved?.facts.map((f) => [f.metric, f.value, f.text, f.baseline])).toEqual([
      ['csat', 0.84, '84.0%', '0.78'],
      ['fcr', 0.76, '76.0%', '0.72'],
      ['error_rate', 0.025, '2.50%', '0.031'],
    ]);
    expect(rec.reasons[1]?.text).toBe(
      'Value per contact rose from €1.50 in 2026-Q1 to €2.50 in 2026-Q2 (+67%); cost per contact went from €4.00 to €3.80 (−5.0%).',
    );
  });

  it('needs more than half of the outcomes to have moved: 2 of 4 is renew with changes', () => {
    const card = healthyCard();
    card.outcomes[2] = outcome('error_rate', 'did_not_move', {
      value: 0.029,
      baseline: 0.031,
      target: 0.025,
      p: 0.2,
      direction: 'lower',
    });
    const rec = recommend(card);
    expect(rec.decision).toBe('renew_with_changes');
    expect(rec.reasons.map((r) => r.rule)).toEqual(['changes.outcomes-not-moved']);
    expect(rec.reasons[0]?.text).toContain('Only 2 of 4 outcomes moved');
    expect(rec.reasons[0]?.text).toContain('error_rate 2.90% vs baseline 3.10% (−0.20 pp, p = 0.200)');
  });

  it('does not count outcomes without enough data in the denominator', () => {
    const card = healthyCard();
    card.outcomes[3] = outcome('resolution_rate', 'insufficient', {
      value: 0.8,
      baseline: 0.88,
      target: 0.9,
      p: 0.5,
    });
    expect(reasonOf(card, 'renew.outcomes-moved')?.text).toContain('3 of 3 outcomes moved');
  });

  it('re-tenders when outcomes did not move and a quarter of the at-risk amount or more was withheld', () => {
    const card = healthyCard();
    card.outcomes = card.outcomes.map((o) => ({
      ...o,
      term: { ...o.term, evidence: 'did_not_move', p: 0.3 },
    }));
    card.money.term = { ...card.money.term, adjustments: '-300.00', withheldShare: 0.25 };
    const rec = recommend(card);
    expect(rec.decision).toBe('re_tender');
    const reason = rec.reasons.find((r) => r.rule === 'retender.stalled-and-withheld');
    expect(reason?.text).toBe(
      '0 of 4 outcomes moved (p < 0.05) over 2026-01-01..2026-06-30, while €300.00 was withheld: 25% of the €1,200.00 at risk (the rule re-tenders at 25% or more).',
    );
    expect(reason?.facts.map((f) => [f.source, f.metric, f.value])).toEqual([
      ['settlement', 'withheld', 300],
      ['settlement', 'at_risk', 1200],
    ]);
    // Just under the limit: not this rule, but the outcomes still call for changes.
    card.money.term = { ...card.money.term, adjustments: '-299.99', withheldShare: 299.99 / 1200 };
    expect(recommend(card).decision).toBe('renew_with_changes');
  });

  it('re-tenders when two outcomes got worse with evidence; one is renew with changes', () => {
    const card = healthyCard();
    card.outcomes[3] = outcome('resolution_rate', 'worse', {
      value: 0.86,
      baseline: 0.88,
      target: 0.9,
      p: 0.01,
    });
    expect(recommend(card).decision).toBe('renew_with_changes');
    expect(fired(card)).toContain('changes.outcome-worse');
    expect(fired(card)).not.toContain('renew.outcomes-moved');
    card.outcomes[2] = outcome('error_rate', 'worse', {
      value: 0.036,
      baseline: 0.031,
      target: 0.025,
      p: 0.02,
      direction: 'lower',
    });
    const rec = recommend(card);
    expect(rec.decision).toBe('re_tender');
    expect(rec.reasons[0]?.text).toContain('2 outcomes got worse than their baseline');
    expect(rec.reasons[0]?.text).toContain('error_rate 3.60% vs baseline 3.10% (+0.50 pp, p = 0.020)');
  });

  it('re-tenders on a material access breach in any quarter, judged with its interval', () => {
    const card = healthyCard();
    card.operations[2] = measurement('access_compliance', 1, 'higher', {
      q1: [0.9, 0.885, 0.915],
      q2: [0.995, 0.99, 0.998],
    });
    const rec = recommend(card);
    expect(rec.decision).toBe('re_tender');
    expect(rec.reasons[0]?.text).toContain(
      'Access compliance was 90.0% in 2026-Q1 (95% interval 88.5%–91.5%, n = 100 logins)',
    );
    // Under 95% but with an interval that reaches it: not evidence of a breach.
    card.operations[2] = measurement('access_compliance', 1, 'higher', {
      q1: [0.94, 0.9, 0.96],
      q2: [0.995, 0.99, 0.998],
    });
    expect(fired(card)).not.toContain('retender.access-breach');
  });

  it('asks for changes when access compliance misses the 98% tolerance in the latest quarter (the contract says 100%)', () => {
    const card = healthyCard();
    card.operations[2] = measurement('access_compliance', 1, 'higher', {
      q1: [0.995, 0.99, 0.998],
      q2: [0.97, 0.96, 0.978],
    });
    const rec = recommend(card);
    expect(rec.decision).toBe('renew_with_changes');
    expect(rec.reasons.map((r) => r.text)).toEqual([
      "Access compliance was 97.0% in 2026-Q2 against the contract's tolerance: at least 98.0% (95% interval 96.0%–97.8%, n = 100).",
    ]);
  });

  it('re-tenders when calibration alpha over the term and its whole interval are under minAlpha', () => {
    const card = healthyCard();
    card.operations[1] = measurement(
      'qa_alpha',
      0.8,
      'higher',
      { q1: [0.6, 0.45, 0.7], q2: [0.55, 0.4, 0.66], term: [0.58, 0.48, 0.66] },
      'ratio',
    );
    const reason = reasonOf(card, 'retender.calibration');
    expect(reason?.text).toContain(
      "QA calibration alpha over 2026-01-01..2026-06-30 is 0.58 (95% interval 0.48–0.66, n = 100 pairable scores), below the contract's minimum 0.80",
    );
    // An estimate under 0.80 whose interval reaches it is not enough.
    card.operations[1] = measurement(
      'qa_alpha',
      0.8,
      'higher',
      { q1: [0.78, 0.6, 0.86], q2: [0.77, 0.62, 0.84], term: [0.78, 0.7, 0.85] },
      'ratio',
    );
    expect(recommend(card).decision).toBe('renew');
  });

  it('judges key measurements on the latest quarter: a miss fixed since does not count, a lower-is-better one reads the other way', () => {
    const card = healthyCard();
    // Coaching coverage missed in Q1 (60%) and met in Q2: renew.
    expect(recommend(card).decision).toBe('renew');
    card.operations[3] = measurement(
      'backfill_days',
      21,
      'lower',
      { q1: [19, null, null], q2: [41, null, null] },
      'days',
    );
    const rec = recommend(card);
    expect(rec.decision).toBe('renew_with_changes');
    expect(rec.reasons[0]?.text).toBe(
      "Backfill days was 41.0 days in 2026-Q2 against the contract's maximum 21.0 days (n = 100).",
    );
  });

  it('asks for changes when a site loses more agents in a quarter than a 50% annual attrition explains', () => {
    const card = healthyCard();
    // 4 leavers in 91 days from a mean headcount of 7.5 (reported n = 8) is 213.9% annualised; 50% a
    // year expects 7.5 x 0.5 x 91/365 = 0.935 leavers, and Poisson p = 1 - e^-0.935 (1 + 0.935 + 0.437 + 0.136) = 0.0153.
    card.attritionBySite = [
      siteSeries('capetown', [
        [0, 8],
        [(4 / 7.5) * (365 / 91), 8],
      ]),
    ];
    const reason = reasonOf(card, 'changes.attrition-spike');
    expect(reason?.text).toBe(
      'Agent attrition at capetown spiked: 213.9% annualised in 2026-Q2 (4 leavers from a mean headcount of 7.5, 0.9 expected; p = 0.015); more leavers than an annual attrition of 50% explains, so the renewal needs a retention and backfill plan.',
    );
    expect(reason?.facts[0]?.scope).toEqual({ vendor: 'acme', workflows: null, site: 'capetown' });
    // One leaver of 8 in a quarter (50% annualised) is within what 50% a year gives.
    card.attritionBySite = [
      siteSeries('lisbon', [
        [0, 8],
        [(1 / 8) * (365 / 91), 8],
      ]),
    ];
    expect(fired(card)).not.toContain('changes.attrition-spike');
  });

  it('asks for changes when value per contact fell from the first to the latest quarter', () => {
    const card = healthyCard();
    card.value.periods = [
      { period: '2026-Q1', display: '2026-Q1', contacts: 1000, costPerContact: 3.65, valuePerContact: 1.58 },
      { period: '2026-Q2', display: '2026-Q2', contacts: 1000, costPerContact: 2.88, valuePerContact: 0.58 },
    ];
    const rec = recommend(card);
    expect(rec.decision).toBe('renew_with_changes');
    expect(rec.reasons[0]?.text).toBe(
      'Value per contact fell from €1.58 in 2026-Q1 to €0.58 in 2026-Q2 (−63%), while cost per contact went from €3.65 to €2.88 (−21%).',
    );
    expect(rec.reasons[0]?.facts.map((f) => [f.source, f.metric, f.period, f.value])).toEqual([
      ['value', 'value_per_contact', '2026-Q1', 1.58],
      ['value', 'value_per_contact', '2026-Q2', 0.58],
      ['value', 'cost_per_contact', '2026-Q1', 3.65],
      ['value', 'cost_per_contact', '2026-Q2', 2.88],
    ]);
  });

  it('takes the most severe recommendation and keeps the milder reasons as "also found"', () => {
    const card = healthyCard();
    card.operations[2] = measurement('access_compliance', 1, 'higher', {
      q1: [0.9, 0.885, 0.915],
      q2: [0.97, 0.96, 0.978],
    });
    const rec = recommend(card);
    expect(rec.decision).toBe('re_tender');
    expect(rec.reasons.map((r) => r.rule)).toEqual(['retender.access-breach']);
    expect(rec.otherReasons.map((r) => r.rule)).toEqual([
      'changes.key-measurement',
      'renew.outcomes-moved',
      'renew.value-rose',
    ]);
  });

  it('states each rule with its settings filled in', () => {
    const text = RENEWAL_RULES.map((rule) => describeCondition(rule, DEFAULT_RULE_SETTINGS));
    expect(text.some((t) => t.includes('{'))).toBe(false);
    expect(text).toContain(
      'no more than 50% of the outcomes with data moved over the term so far, and the money withheld (outcome adjustments net of bonuses and caps) is at least 25% of the amount at risk',
    );
    expect(new Set(RENEWAL_RULES.map((r) => r.id)).size).toBe(RENEWAL_RULES.length);
  });
});
