import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues.js';
import { parseContract } from './parse-contract.js';
import { position } from './test-support/spec-example.js';
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

/** A small valid contract to vary one outcome of. */
const small = (outcome: string, extra = '') => `apiVersion: covenant/v1
kind: Contract
metadata: { name: small }
spec:
  client: c
  vendor: v
  currency: EUR
  term: { start: 2026-01-01, end: 2026-12-31 }
  timezone: Europe/Lisbon
  settlement: monthly
  pricing: { base: { unit: handled_contact, rate: "1.00" }, atRisk: 10% }
  portfolios:
    - id: p
      workflows: [w]
      weight: 100%
      outcomes:
        - ${outcome}
${extra}`;

const curve = 'payout: { interpolate: linear, points: [ { at: 0.7, pay: -100% }, { at: 0.8, pay: 0% } ] }';

describe('parseContract outcome rules', () => {
  it('accepts the small contract', () => {
    expect(
      valid(small(`{ metric: csat, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`)).pricing.bonusCap,
    ).toBe(0);
  });

  const cases: [string, string, string, RegExp][] = [
    [
      'neutral metric',
      `{ metric: contacts, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`,
      'neutral_metric',
      /contacts is neutral/,
    ],
    [
      'direction against the catalog',
      `{ metric: error_rate, direction: higher_is_better, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`,
      'direction_conflict',
      /error_rate is lower-is-better in the metric catalog: write direction: lower_is_better or leave it out/,
    ],
    [
      'settlement metric',
      `{ metric: cost_per_contact, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`,
      'circular_metric',
      /computed from the settlement/,
    ],
    [
      'pay decreasing',
      '{ metric: csat, weight: 100%, baseline: 0.75, target: 0.8, payout: { interpolate: linear, points: [ { at: 0.7, pay: 0% }, { at: 0.8, pay: -10% } ] } }',
      'pay_decreasing',
      /pay never decreases from worst to best: -10% after 0%/,
    ],
    [
      'a percent for seconds',
      '{ metric: aht, weight: 100%, baseline: 300, target: 80%, payout: { interpolate: step, points: [ { at: 400, pay: -100% }, { at: 250, pay: 0% } ] } }',
      'unit_mismatch',
      /aht is measured in seconds, not a share/,
    ],
    [
      'a share above 1',
      `{ metric: csat, weight: 100%, baseline: 75, target: 0.8, ${curve} }`,
      'out_of_range',
      /csat is a share between 0 and 1: write 0.75 or 75%, not 75/,
    ],
    [
      'a bad param value',
      `{ metric: fcr, params: { repeatWindow: weekly }, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`,
      'invalid_param',
      /fcr repeatWindow: expected a duration/,
    ],
    [
      'outcome weights',
      `{ metric: csat, weight: 90%, baseline: 0.75, target: 0.8, ${curve} }`,
      'weights_sum',
      /outcome weights of portfolio p must sum to 100%, found 90% = 90%/,
    ],
    [
      'a missing target',
      `{ metric: csat, weight: 100%, baseline: 0.75, ${curve} }`,
      'required',
      /target is missing: a value of the metric/,
    ],
    [
      'a one-point curve',
      '{ metric: csat, weight: 100%, baseline: 0.75, target: 0.8, payout: { interpolate: step, points: [ { at: 0.8, pay: 0% } ] } }',
      'invalid',
      /at least two points/,
    ],
  ];
  it.each(cases)('reports %s', (_name, outcome, code, message) => {
    const found = issues(small(outcome));
    expect(found.map((issue) => issue.code)).toEqual([code]);
    expect(found[0]?.message).toMatch(message);
    expect(found[0]?.line).toBeGreaterThanOrEqual(16);
  });

  it('reads lower-is-better sides and durations for time metrics', () => {
    const aht =
      '{ metric: aht, weight: 100%, baseline: 6m, target: 300, payout: { interpolate: step, points: [ { at: 420, pay: -50% }, { at: 5m, pay: 0% }, { at: 240s, pay: 20% } ] } }';
    const contract = valid(small(aht));
    const outcome = contract.portfolios[0]?.outcomes[0];
    expect(outcome?.baseline).toEqual({ value: 360 });
    expect(outcome?.payout.points.map((p) => p.at)).toEqual([420, 300, 240]);
    const wrong = issues(small(aht.replace('target: 300', 'target: 400')));
    expect(wrong.map((i) => i.code)).toEqual(['target_side']);
    expect(wrong[0]?.message).toMatch(
      /aht is lower-is-better, so the target must be below the baseline: target 400 is not below baseline 6m/,
    );
  });

  it('warns when the curve does not pay 0 at the target', () => {
    const result = parseContract(
      small(`{ metric: csat, weight: 100%, baseline: 0.7, target: 0.75, ${curve} }`),
      'x.yaml',
    );
    expect(result.ok && result.warnings.map((w) => [w.code, w.message])).toEqual([
      ['target_pays', 'the payout curve pays -50% at the target 0.75; usually the target pays 0%'],
    ]);
  });

  it('resolves outcome params over remoteOperations and security defaults', () => {
    const extra = `  remoteOperations: { coaching: { cadence: 7d, mode: video }, backfill: { criticalRoleDays: 30 } }
  security: { access: { allowedCountries: [ZA, PL] }, incidents: { sev1: { acknowledgeWithin: 10m, resolveWithin: 2h } } }`;
    const outcome = (metric: string, params = '') =>
      `{ metric: ${metric}, ${params} weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`;
    const paramsOf = (text: string) => valid(text).portfolios[0]?.outcomes[0]?.params;
    expect(paramsOf(small(outcome('coaching_coverage'), extra))).toEqual({ mode: 'video', cadence: '7d' });
    expect(paramsOf(small(outcome('coaching_coverage', 'params: { mode: any },'), extra))).toEqual({
      mode: 'any',
      cadence: '7d',
    });
    expect(paramsOf(small(outcome('backfill_within_sla'), extra))).toEqual({ days: 30 });
    expect(paramsOf(small(outcome('access_compliance'), extra))).toEqual({
      mfaRequired: true,
      compliantDeviceRequired: true,
      allowedCountries: ['ZA', 'PL'],
    });
    expect(paramsOf(small(outcome('incident_ack_sla'), extra))).toEqual({
      limits: { sev1: { acknowledgeWithin: '10m', resolveWithin: '2h' } },
    });
    expect(paramsOf(small(outcome('service_level', 'params: { answerWithin: 30s },')))).toEqual({
      answerWithin: 30,
      shortAbandon: 5,
    });
  });

  it('reports a YAML syntax error and a file that is not a map', () => {
    const syntax = parseContract('apiVersion: covenant/v1\nkind: [Contract\n', 'x.yaml');
    expect(syntax.ok ? [] : syntax.issues.map((i) => i.code)).toContain('yaml_syntax');
    const scalar = parseContract('just text', 'x.yaml');
    expect(scalar.ok ? [] : where(scalar.issues)).toEqual(['1:1 not_a_document']);
  });

  it('checks the envelope: kind, name and unknown top-level keys', () => {
    const text = small(`{ metric: csat, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`)
      .replace('kind: Contract', 'kind: Mapping')
      .replace('name: small', 'name: Small_One')
      .concat('extra: 1\n');
    expect(where(issues(text))).toEqual([
      '2:7 invalid',
      '3:19 invalid',
      `${position(text, 'extra')} unknown_key`,
    ]);
  });
});

describe('parseContract money', () => {
  it('refuses a negative or malformed rate, naming what was written', () => {
    const text = small(`{ metric: csat, weight: 100%, baseline: 0.75, target: 0.8, ${curve} }`).replace(
      'rate: "1.00"',
      'rate: "1,00"',
    );
    expect(issues(text).map((issue) => issue.message)).toEqual([
      'expected money as a decimal string of digits and an optional point, e.g. "4.20", not "1,00"',
    ]);
  });
});
