import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues.js';
import { parseContract } from './parse-contract.js';
import { edit, position, specExample } from './test-support/spec-example.js';

/** The outsourcing-market mechanics (contract-format.md): optional fields, checked at file:line:column. */
const example = specExample();
const MECHANICS = `  earnBack: { periods: 2, share: 100% }
  continuousImprovement: { share: 10% }
  chronicFailure: { misses: 3, within: 6 }
  recalibration:`;
const withMechanics = (text: string) => edit(text, '  recalibration:', MECHANICS);
const pooled = (text: string) =>
  edit(
    edit(text, 'rounding: half_up ', 'rounding: half_up\n    allocationPool: 150%'),
    'weight: 60% ',
    'weight: 110% ',
  );

const issuesOf = (text: string): Issue[] => {
  const result = parseContract(text, 'contract.yaml');
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};

describe('the mechanics fields', () => {
  it('are absent from the normal form of a contract that does not write them', () => {
    const result = parseContract(example, 'c.yaml');
    if (!result.ok) throw new Error('the spec example validates');
    expect(result.value.pricing.allocationPool).toBeUndefined();
    expect(result.value).not.toHaveProperty('earnBack');
    expect(result.value).not.toHaveProperty('chronicFailure');
  });

  it('normalise a 150% pool, earn-back, continuous improvement and chronic failure', () => {
    const result = parseContract(pooled(withMechanics(example)), 'c.yaml');
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const c = result.value;
    expect(c.pricing.allocationPool).toBe(1.5);
    expect(c.portfolios.map((p) => p.weight)).toEqual([1.1, 0.3, 0.1]);
    expect(c.earnBack).toEqual({ periods: 2, share: 1 });
    expect(c.continuousImprovement).toEqual({ share: 0.1 });
    expect(c.chronicFailure).toEqual({ misses: 3, within: 6 });
  });

  it('earn-back share defaults to 100%', () => {
    const text = edit(example, '  recalibration:', '  earnBack: { periods: 1 }\n  recalibration:');
    const result = parseContract(text, 'c.yaml');
    expect(result.ok && result.value.earnBack).toEqual({ periods: 1, share: 1 });
  });

  it('portfolio weights sum to the pool, each at most the pool, at file:line:column', () => {
    const text = edit(pooled(example), 'weight: 30%\n', 'weight: 20%\n');
    const found = issuesOf(text);
    expect(found.map((i) => i.message)).toContain(
      'portfolio weights must sum to the allocationPool 150%, found 110% + 20% + 10% = 140%',
    );
    const sum = found.find((i) => i.code === 'weights_sum');
    expect(`${sum?.line}:${sum?.column}`).toBe(position(text, 'portfolios:'));
    // Without a pool the sum is 100% and a weight above it is refused where it is written.
    const over = issuesOf(edit(example, 'weight: 60% ', 'weight: 120% '));
    const above = over.find((i) => i.code === 'weight_above_pool');
    expect(above?.message).toBe('a portfolio weight is at most the allocationPool 100%, found 120%');
    expect(`${above?.line}:${above?.column}`).toBe(position(example, 'weight: 60% ', '60%'));
    expect(over.find((i) => i.code === 'weights_sum')?.message).toBe(
      'portfolio weights must sum to 100%, found 120% + 30% + 10% = 160%',
    );
  });

  it('reports bad values of every mechanic, each where it is written', () => {
    const text = edit(
      edit(withMechanics(example), 'periods: 2', 'periods: 0'),
      'misses: 3, within: 6',
      'misses: 4, within: 3',
    );
    const bad = edit(
      edit(text, 'share: 10%', 'share: 0%'),
      'rounding: half_up ',
      'rounding: half_up\n    allocationPool: 300%',
    );
    const found = issuesOf(bad);
    const at = (code: string, needle: string, token: string) => {
      const issue = found.find(
        (i) => i.code === code && `${i.line}:${i.column}` === position(bad, needle, token),
      );
      expect(issue, `${code} at ${needle}`).toBeDefined();
      return issue?.message;
    };
    expect(at('invalid', 'periods: 0', '0')).toContain('is at least 1');
    expect(at('invalid', 'share: 0%', '0%')).toContain('must be above 0%');
    expect(at('invalid', 'allocationPool', '300%')).toContain('between 100% and 250%');
    expect(at('chronic_window', 'within: 3', '3')).toBe(
      'within is the number of consecutive periods the 4 misses fall in: at least 4, found 3',
    );
  });
});
