import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../contract/test-support/spec-example.js';
import {
  checkDecision,
  earliestEffectiveDate,
  effectiveDate,
  type RecordedDecision,
  verdict,
} from './decisions.js';
import { checkProposedSource, editSource, withEffectiveFrom } from './proposed-source.js';

const made = '2026-10-02T09:00:00Z';
const approved = (party: string, decidedAt = '2026-10-03T09:00:00Z'): RecordedDecision => ({
  party,
  decision: 'approve',
  decidedAt,
});

describe('approval rules', () => {
  it('takes one decision per party named in recalibration.approval', () => {
    expect(checkDecision('open', ['client', 'vendor'], [], 'client', '2026-10-03T09:00:00Z', made)).toBe(
      'client',
    );
    expect(() => checkDecision('open', ['client'], [], 'vendor', '2026-10-03T09:00:00Z', made)).toThrow(
      'vendor is not a party to this recalibration: recalibration.approval names client',
    );
    expect(() =>
      checkDecision('open', ['client', 'vendor'], [], 'auditor', '2026-10-03T09:00:00Z', made),
    ).toThrow('a party is client or vendor');
    expect(() =>
      checkDecision(
        'open',
        ['client', 'vendor'],
        [approved('client')],
        'client',
        '2026-10-04T09:00:00Z',
        made,
      ),
    ).toThrow('client already decided');
    expect(() =>
      checkDecision('rejected', ['client', 'vendor'], [], 'vendor', '2026-10-04T09:00:00Z', made),
    ).toThrow('the proposal is rejected');
    expect(() =>
      checkDecision('open', ['client', 'vendor'], [], 'vendor', '2026-10-01T09:00:00Z', made),
    ).toThrow('before the proposal was made');
  });

  it('applies when every party approved and closes on one rejection', () => {
    expect(verdict(['client', 'vendor'], [approved('client')])).toBe('waiting');
    expect(verdict(['client', 'vendor'], [approved('client'), approved('vendor')])).toBe('approved');
    expect(verdict(['client'], [approved('client')])).toBe('approved');
    expect(
      verdict(['client', 'vendor'], [approved('client'), { ...approved('vendor'), decision: 'reject' }]),
    ).toBe('rejected');
  });

  it('never takes effect before the day after the last approval (plus the lag), in the contract zone', () => {
    // Approved on 30 September, 23:30 in Lisbon (22:30 UTC, summer time): the stated 1 October holds.
    expect(effectiveDate('2026-10-01', '2026-09-30T22:30:00Z', 0, 'Europe/Lisbon')).toEqual({
      date: '2026-10-01',
      earliest: '2026-10-01',
      moved: false,
    });
    // 23:30 UTC is already 1 October in Lisbon: the version starts on 2 October, not retroactively.
    expect(effectiveDate('2026-10-01', '2026-09-30T23:30:00Z', 0, 'Europe/Lisbon')).toMatchObject({
      date: '2026-10-02',
      moved: true,
    });
    // A 14-day lag: approved 20 September -> 4 October + 1 day.
    expect(earliestEffectiveDate('2026-09-20T10:00:00Z', 14 * 86_400, 'Europe/Lisbon')).toBe('2026-10-05');
  });
});

describe('the proposed source', () => {
  const source = readFileSync(resolve(REPO_ROOT, 'contracts/northwind-brightpath-2026.yaml'), 'utf8');
  const edited = editSource(source, {
    version: 2,
    effectiveFrom: '2026-10-01',
    reference: '2026-Q3',
    rate: '4.65',
    outcomes: [
      { portfolio: 2, outcome: 0, target: 0.8983, points: [0.8483, 0.8983, 0.9383], baseline: 0.8783 },
    ],
    header: ['Version 2: a test'],
  });

  it('sets version, date, reference, rate, target, curve and baseline, and validates', () => {
    const contract = checkProposedSource(edited, 'proposed');
    expect(contract.version).toBe(2);
    expect(contract.effectiveFrom).toBe('2026-10-01');
    expect(contract.recalibration?.reference).toBe('2026-Q3');
    expect(contract.pricing.base.rate).toBe('4.65');
    const outcome = contract.portfolios[2]?.outcomes[0];
    expect(outcome?.target).toBe(0.8983);
    expect(outcome?.payout.points.map((p) => p.at)).toEqual([0.8483, 0.8983, 0.9383]);
    expect(outcome?.baseline).toEqual({ value: 0.8783 });
    // Everything else is as it was, comments included.
    expect(contract.portfolios[0]?.outcomes[0]?.target).toBe(0.85);
    expect(edited).toContain('rate: "4.65" # was 4.20: staffing-model unit rate');
    expect(edited).toContain('# Version 2: a test');
    expect(edited).toContain('# share of the at-risk amount; portfolio weights sum to 100%');
  });

  it('moves the effective date when an approval comes late, and refuses terms that do not validate', () => {
    const moved = withEffectiveFrom(edited, '2026-10-07', 'approved late');
    expect(checkProposedSource(moved, 'moved').effectiveFrom).toBe('2026-10-07');
    expect(moved).toContain('# approved late');
    const outside = withEffectiveFrom(edited, '2027-01-01');
    expect(() => checkProposedSource(outside, 'outside')).toThrow('the proposed terms do not validate');
  });
});
