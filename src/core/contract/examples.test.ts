import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract, loadDocument } from '../../files/load-document.js';
import { METRIC_CATALOG, setCustomMetrics } from '../metric/catalog.js';
import { customInfo, parseMetric } from '../metric/custom/index.js';
import { contractDiff, formatDiff } from './diff.js';
import { contractJsonSchema } from './json-schema.js';
import { parseContract } from './parse-contract.js';
import { REPO_ROOT, specExample } from './test-support/spec-example.js';
import type { Contract } from './types.js';

const NAMES = ['northwind-brightpath-2026', 'northwind-coastline-2026', 'northwind-brightpath-2027'];

async function load(name: string): Promise<Contract> {
  const result = await loadContract(`${REPO_ROOT}/contracts/${name}.yaml`);
  if (!result.ok)
    throw new Error(
      result.issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`).join('\n'),
    );
  expect(result.warnings).toEqual([]);
  return result.value;
}

// The 2027 terms pay the demo client's own metric (metrics/self-service-adoption.yaml).
beforeAll(async () => {
  const metric = await loadDocument(
    `${REPO_ROOT}/metrics/self-service-adoption.yaml`,
    'metric',
    (text, file) => parseMetric(text, file, { reserved: METRIC_CATALOG.map((m) => m.id) }),
  );
  if (!metric.ok) throw new Error(JSON.stringify(metric.issues));
  setCustomMetrics('default', [customInfo(metric.value)]);
});
afterAll(() => setCustomMetrics('default', []));

describe('the example contracts', () => {
  it.each(NAMES)('%s validates', async (name) => {
    const contract = await load(name);
    expect(contract.name).toBe(name);
  });

  it('brightpath-2026 is the spec example with bonusCap 3%', async () => {
    const spec = parseContract(specExample(), 'spec.yaml');
    if (!spec.ok) throw new Error('spec example invalid');
    const diff = formatDiff(contractDiff(spec.value, await load('northwind-brightpath-2026')));
    expect(diff).toEqual(['~ pricing.bonusCap: 8% -> 3%']);
  });

  it('diffs the proposed 2027 terms readably', async () => {
    const lines = formatDiff(
      contractDiff(await load('northwind-brightpath-2026'), await load('northwind-brightpath-2027')),
    );
    expect(lines).toContain('~ pricing.base.rate: 4.20 -> 3.95');
    expect(lines).toContain('~ pricing.atRisk: 12% -> 18%');
    expect(lines).toContain('~ portfolios[card-disputes].weight: 60% -> 50%');
    expect(lines).toContain('~ portfolios[card-disputes].outcomes[csat].target: 0.85 -> 0.87');
    expect(lines).toContain(
      '~ portfolios[card-disputes].outcomes[csat].payout.points: [(0.76, -100%), (0.85, 0%), (0.9, 50%)] -> [(0.82, -100%), (0.87, 0%), (0.91, 50%)]',
    );
    expect(lines).toContain(
      '+ portfolios[simple-requests].outcomes[self_service_adoption]: { metric: self_service_adoption, direction: higher, params: {  }, weight: 30%, baseline: { period: 2026-Q4 }, target: 0.32, payout: { interpolate: linear, points: [(0.25, -100%), (0.32, 0%), (0.36, 40%)] } }',
    );
    expect(lines).toContain('~ recalibration.effectiveLag: 0s -> 14d');
    expect(lines).toContain('+ labels.status: proposed');
  });

  it('coastline differs in vendor, price and allowed countries', async () => {
    const diff = contractDiff(
      await load('northwind-brightpath-2026'),
      await load('northwind-coastline-2026'),
    );
    const byLabel = new Map(diff.map((entry) => [entry.label, entry]));
    expect(byLabel.get('vendor')).toMatchObject({ kind: 'changed', old: 'brightpath', new: 'coastline' });
    expect(byLabel.get('pricing.base.rate')).toMatchObject({ old: '4.20', new: '4.05' });
    expect(byLabel.get('pricing.bonusCap')).toMatchObject({ old: 0.03, new: 0.05 });
    expect(byLabel.get('security.access.allowedCountries')).toMatchObject({
      old: ['PT', 'PH'],
      new: ['ZA', 'PL'],
    });
  });

  it('the same contract reordered has no diff', async () => {
    const a = await load('northwind-brightpath-2026');
    const b = { ...a, portfolios: [...a.portfolios].reverse() };
    expect(contractDiff(a, b)).toEqual([]);
  });
});

describe('contractJsonSchema', () => {
  it('describes the file as written, from the same schema', () => {
    const schema = contractJsonSchema() as {
      title: string;
      required: string[];
      properties: { spec: { properties: Record<string, { description?: string }>; required: string[] } };
    };
    expect(schema.title).toBe('Covenant Contract (covenant/v1)');
    expect(schema.required).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(schema.properties.spec.required).toEqual(
      expect.arrayContaining([
        'client',
        'vendor',
        'currency',
        'term',
        'timezone',
        'settlement',
        'pricing',
        'portfolios',
      ]),
    );
    const text = JSON.stringify(schema);
    expect(text).toContain('"pattern":"^([+-]?\\\\d+(?:\\\\.\\\\d+)?)\\\\s*%$"');
    expect(text).toContain('money: a quoted decimal string');
    expect(JSON.parse(text)).toEqual(schema);
  });
});
