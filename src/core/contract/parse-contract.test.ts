import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues.js';
import { parseContract } from './parse-contract.js';
import { edit, position, specExample } from './test-support/spec-example.js';
import type { Contract } from './types.js';

const where = (issues: Issue[]) => issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`);

function valid(text: string): Contract {
  const result = parseContract(text, 'contract.yaml');
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

function issues(text: string): Issue[] {
  const result = parseContract(text, 'contract.yaml');
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('parseContract on the spec example', () => {
  const text = specExample();

  it('validates with no issues and no warnings', () => {
    const result = parseContract(text, 'contract-format.md');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('normalises units, defaults, directions and params', () => {
    const contract = valid(text);
    expect(contract.pricing).toEqual({
      base: { unit: 'handled_contact', rate: '4.20', fteHoursPerMonth: 160 },
      fteHourRate: '18.50',
      atRisk: 0.12,
      bonusCap: 0.08,
      rounding: 'half_up',
    });
    expect(contract.term).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(contract.effectiveFrom).toBe('2026-01-01');
    const [cards, onboarding, simple] = contract.portfolios;
    expect(cards?.minSample).toBe(200);
    expect(onboarding?.minSample).toBe(100);
    expect(simple?.weight).toBe(0.1);
    expect(cards?.outcomes.map((o) => [o.metric, o.direction, o.weight])).toEqual([
      ['csat', 'higher', 0.4],
      ['fcr', 'higher', 0.35],
      ['error_rate', 'lower', 0.25],
    ]);
    expect(cards?.outcomes[1]?.baseline).toEqual({ period: '2025-Q4' });
    expect(cards?.outcomes[1]?.params).toEqual({ repeatWindow: '7d' });
    expect(onboarding?.outcomes[0]?.params).toEqual({ window: '90d' });
    expect(cards?.outcomes[0]?.payout.points).toEqual([
      { at: 0.76, pay: -1 },
      { at: 0.85, pay: 0 },
      { at: 0.9, pay: 0.5 },
    ]);
    expect(contract.workflows).toEqual([
      'card_dispute',
      'chargeback',
      'account_onboarding',
      'kyc_review',
      'password_reset',
      'general_inquiry',
    ]);
    expect(contract.recalibration?.triggers).toEqual([
      { measure: 'containment', mode: 'points', change: 0.1 },
      { measure: 'contacts', mode: 'relative', change: 0.25 },
      { measure: 'channel_mix', mode: 'points', change: 0.15 },
      { measure: 'aht', mode: 'relative', change: 0.15 },
    ]);
    expect(contract.recalibration?.staffing).toEqual({
      target: { serviceLevel: 0.8, answerWithin: 20 },
      interval: 1800,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      model: 'erlang_c',
    });
    expect(contract.security?.incidents?.sev1).toEqual({ acknowledgeWithin: 900, resolveWithin: 14_400 });
    expect(contract.remoteOperations?.coaching).toEqual({
      cadence: 1_209_600,
      mode: 'video',
      coverage: 0.95,
    });
  });

  it('lists the key measurements of remoteOperations and security with their params', () => {
    const measures = valid(text).keyMeasurements;
    expect(measures.map((m) => [m.metric, m.direction, m.threshold])).toEqual([
      ['adherence', 'higher', 0.9],
      ['coaching_coverage', 'higher', 0.95],
      ['qa_alpha', 'higher', 0.8],
      ['backfill_days', 'lower', 21],
      ['access_compliance', 'higher', 1],
      ['incident_ack_sla', 'higher', 1],
      ['incident_resolve_sla', 'higher', 1],
      ['max_site_share', 'lower', 0.6],
    ]);
    expect(measures[1]?.params).toEqual({ mode: 'video', cadence: '14d' });
    expect(measures[4]?.params).toEqual({
      mfaRequired: true,
      compliantDeviceRequired: true,
      allowedCountries: ['PT', 'PH'],
    });
    expect(measures[5]?.params).toEqual({
      limits: {
        sev1: { acknowledgeWithin: '15m', resolveWithin: '4h' },
        sev2: { acknowledgeWithin: '1h', resolveWithin: '24h' },
      },
    });
  });

  it('reports five different mistakes at once, each at its line and column', () => {
    let bad = edit(text, '- metric: csat\n', '- metric: csatt\n');
    bad = edit(bad, 'rate: "4.20"', 'rate: 4.20');
    bad = edit(bad, '{ at: 0.018, pay: 30% }', '{ at: 0.028, pay: 30% }');
    bad = edit(bad, 'end: 2026-12-31', 'end: 2025-12-31');
    bad = edit(bad, 'weight: 10%', 'weight: 5%');
    const found = issues(bad);
    expect(where(found)).toEqual([
      `${position(bad, 'end: 2025-12-31', '2025-12-31')} term_order`,
      `${position(bad, 'rate: 4.20', '4.20')} invalid`,
      `${position(bad, '  portfolios:', 'portfolios')} weights_sum`,
      `${position(bad, 'metric: csatt', 'csatt')} unknown_metric`,
      `${position(bad, '{ at: 0.028', '0.028')} curve_not_monotonic`,
    ]);
    expect(found.map((issue) => issue.message)).toEqual([
      'the term ends (2025-12-31) before it starts (2026-01-01): end is on or after start',
      'money is a decimal string: quote it, "4.20" (a YAML number loses written digits: 4.20 reads as 4.2)',
      'portfolio weights must sum to 100%, found 60% + 30% + 5% = 95%',
      expect.stringMatching(
        /^unknown metric csatt \(did you mean csat\?\); expected a metric of metrics.md: contacts, csat, /,
      ),
      'payout points run worst to best: for a lower-is-better metric each at must be strictly below the one before (0.028 after 0.025)',
    ]);
    expect(found.every((issue) => issue.file === 'contract.yaml')).toBe(true);
  });

  it('reports misplaced workflows, unknown keys and params, missing fields and wrong sides', () => {
    let bad = edit(
      text,
      'workflows: [account_onboarding, kyc_review]',
      'workflows: [account_onboarding, kyc_review, chargeback]',
    );
    bad = edit(bad, '    bonusCap: 8%', '    bonuscap: 8%');
    bad = edit(bad, 'params: { repeatWindow: 7d }', 'params: { repeatWindw: 7d }');
    bad = edit(bad, '  client: northwind\n', '');
    bad = edit(bad, 'baseline: 0.91, target: 0.93', 'baseline: 0.91, target: 0.90');
    bad = edit(bad, '{ measure: aht, change: 15% }', '{ measure: aht, change: 15pp }');
    bad = edit(bad, 'allowedCountries: [PT, PH]', 'allowedCountries: [PT, XX]');
    const found = issues(bad);
    expect(where(found)).toEqual([
      `${position(bad, 'spec:')} required`,
      `${position(bad, 'bonuscap')} unknown_key`,
      `${position(bad, 'repeatWindw')} unknown_param`,
      `${position(bad, 'kyc_review, chargeback', 'chargeback')} workflow_in_two_portfolios`,
      `${position(bad, 'target: 0.90', '0.90')} target_side`,
      `${position(bad, 'aht, change: 15pp', '15pp')} unit_mismatch`,
      `${position(bad, 'XX')} invalid`,
    ]);
    expect(found.map((issue) => issue.message)).toEqual([
      'spec.client is missing: the client',
      'unknown key bonuscap (did you mean bonusCap?); expected one of base, fteHourRate, atRisk, bonusCap, rounding, allocationPool',
      'unknown parameter repeatWindw of fcr (did you mean repeatWindow?); the parameters of fcr are repeatWindow',
      'workflow chargeback is already in portfolio card-disputes: a workflow belongs to one portfolio, so its contacts are paid for once',
      'retention_90d is higher-is-better, so the target must be above the baseline: target 0.90 is not above baseline 0.91',
      'aht is not a share, so its change is relative: write e.g. 25%, not 15pp',
      'expected an ISO 3166-1 alpha-2 country code such as PT, not XX',
    ]);
  });
});
