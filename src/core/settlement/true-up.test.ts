import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { specExample } from '../contract/test-support/spec-example.js';
import type { Contract } from '../contract/types.js';
import { settle } from './settle.js';
import { combineParts, trueUp } from './true-up.js';
import type { Measurement, OutcomeMeasurement } from './types.js';

function contractOf(text: string): Contract {
  const result = parseContract(text, 'test.yaml');
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

const measured = (
  value: number,
  n: number,
  matured = true,
  maturesOn: string | null = null,
): Measurement => ({
  value,
  n,
  low: null,
  high: null,
  matured,
  maturesOn,
});

const values = (retention: Measurement): OutcomeMeasurement[] =>
  Object.entries({
    'card-disputes/csat': measured(0.88, 900),
    'card-disputes/fcr': measured(0.73, 800),
    'card-disputes/error_rate': measured(0.03, 5000),
    'onboarding/retention_90d': retention,
    'onboarding/csat': measured(0.82, 150),
    'simple-requests/resolution_rate': measured(0.92, 4000),
  }).map(([key, result]) => {
    const [portfolio = '', metric = ''] = key.split('/');
    return { portfolio, metric, result };
  });

const v1 = contractOf(specExample());

describe('trueUp', () => {
  it('shows the final settlement of a matured retention outcome against the provisional one', () => {
    // provisional: retention to date 0.94 -> +30% of 9,072 = 2,721.60; final: 0.92 -> -25% = -2,268.00
    const provisional = settle({
      contract: v1,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: values(measured(0.94, 600, false, '2026-06-29')),
    });
    const final = settle({
      contract: v1,
      period: '2026-Q1',
      baseUnits: '100000',
      measurements: values(measured(0.92, 640, true, '2026-06-29')),
    });
    expect([provisional.provisional, final.provisional]).toEqual([true, false]);
    const up = trueUp(provisional, final);
    expect(up.lines.filter((line) => line.difference !== '0.00')).toEqual([
      {
        id: 'outcome:onboarding/retention_90d',
        label: 'Account onboarding: 90-day retention',
        provisional: '2721.60',
        final: '-2268.00',
        difference: '-4989.60',
      },
    ]);
    expect(up.total).toEqual({ provisional: '421814.40', final: '416824.80', difference: '-4989.60' });
  });

  it('refuses to compare different periods', () => {
    const a = settle({
      contract: v1,
      period: '2026-Q1',
      baseUnits: '1',
      measurements: values(measured(0.93, 600)),
    });
    expect(() => trueUp(a, { ...a, period: '2026-Q2' })).toThrow(/one period/);
  });
});

describe('combineParts', () => {
  it('settles a period split by a version change in two parts and shows one invoice', () => {
    const v2 = contractOf(
      specExample()
        .replace('name: northwind-brightpath-2026', 'name: northwind-brightpath-2026\n  version: 2')
        .replace('atRisk: 12%', 'atRisk: 15%'),
    );
    const first = settle({
      contract: v1,
      period: '2026-Q1',
      part: { from: '2026-01-01', to: '2026-02-14' },
      baseUnits: '50000', // 210,000.00; at risk 25,200.00
      measurements: values(measured(0.93, 300, false, '2026-05-15')),
    });
    const second = settle({
      contract: v2,
      period: '2026-Q1',
      part: { from: '2026-02-15', to: '2026-03-31' },
      baseUnits: '50000', // 210,000.00; at risk 31,500.00
      measurements: values(measured(0.93, 300, false, '2026-06-29')),
    });
    const invoice = combineParts([second, first]);
    expect(invoice.parts.map((part) => part.version)).toEqual([1, 2]);
    expect(invoice.provisional).toBe(true);
    expect(invoice.maturesOn).toBe('2026-06-29');
    // each part: base 210,000.00 + csat 30% + error -50% + csat(onb.) -1/3 + resolution 25% of their allocations
    // 0.6x0.4x30% - 0.6x0.25x50% + 0.3x0.6x0% - 0.3x0.4/3 + 0.1x25% = -1.8% of the at-risk amount
    expect(first.total).toBe('209546.40'); // 210,000.00 - 1.8% x 25,200.00
    expect(second.total).toBe('209433.00'); // 210,000.00 - 1.8% x 31,500.00
    expect(invoice.total).toBe('418979.40');
    expect(invoice.lines[0]).toMatchObject({
      id: 'part1:base-fee',
      part: 1,
      version: 1,
      label: 'Base fee: 50000 handled contacts x 4.20 (v1, 2026-01-01..2026-02-14)',
      amount: '210000.00',
    });
    expect(invoice.lines.filter((line) => line.part === 2)).toHaveLength(7);
    // a true-up works on a combined invoice as on a settlement
    expect(trueUp(invoice, invoice).total.difference).toBe('0.00');
  });

  it('refuses parts of different periods', () => {
    const a = settle({
      contract: v1,
      period: '2026-Q1',
      baseUnits: '1',
      measurements: values(measured(0.93, 600)),
    });
    expect(() => combineParts([a, { ...a, period: '2026-Q2' }])).toThrow(
      /share contract, period and currency/,
    );
    expect(() => combineParts([])).toThrow(/at least one part/);
  });
});
