import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../../sql/duckdb-dialect.js';
import { METRIC_CATALOG } from '../catalog.js';
import { parseMetric } from './parse-metric.js';
import { customInfo, customPlan } from './plan.js';

const reserved = METRIC_CATALOG.map((m) => m.id);
const where = (issues: { file?: string; line?: number; column?: number; code: string }[]) =>
  issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`);

const BROKEN = `apiVersion: covenant/v1
kind: Metric
metadata:
  name: csat
spec:
  label: { singular: x, plural: xs }
  description: every kind of mistake at once
  dataset: interactions
  type: share
  where: "channel = 'fax' and handle_secs > 10"
  numerator: "csat + 1"
  value: csat
  direction: upward
  colour: red
`;

describe('parseMetric', () => {
  it('refuses a broken file with every problem at its file:line:column', () => {
    const result = parseMetric(BROKEN, 'broken.yaml', { reserved });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.issues)).toEqual([
      'broken.yaml:4:9 reserved_id',
      'broken.yaml:10:21 unknown_value',
      'broken.yaml:10:31 unknown_column',
      'broken.yaml:11:20 type_mismatch',
      'broken.yaml:12:3 not_used',
      'broken.yaml:13:14 invalid',
      'broken.yaml:14:3 unknown_key',
    ]);
    const messages = result.issues.map((i) => i.message).join('\n');
    expect(messages).toContain('csat is a built-in metric');
    expect(messages).toContain("channel is never 'fax'");
    expect(messages).toContain('unknown column handle_secs (did you mean handle_seconds?)');
    expect(messages).toContain('numerator must be a condition, found a number');
  });

  it('reports syntax errors and missing expressions with their position', () => {
    const text = BROKEN.replace('name: csat', 'name: mine')
      .replace('where: "channel = \'fax\' and handle_secs > 10"', 'where: "channel = = 1"')
      .replace('  numerator: "csat + 1"\n', '')
      .replace('  value: csat\n', '')
      .replace('direction: upward', 'direction: higher')
      .replace('  colour: red\n', '');
    const result = parseMetric(text, 'm.yaml', { reserved });
    expect(!result.ok && where(result.issues)).toEqual([
      'm.yaml:5:1 required',
      'm.yaml:10:21 expression_syntax',
    ]);
  });

  it('compiles to bound SQL: literals and parameters never enter the text', () => {
    const text = `apiVersion: covenant/v1
kind: Metric
metadata: { name: bot_contained }
spec:
  label: { singular: bot containment, plural: bot containment }
  description: simple contacts resolved by the bot
  dataset: interactions
  type: share
  where: "workflow = kind"
  numerator: "path = 'bot' and resolved"
  direction: higher
  params:
    kind: { type: text, default: simple, values: [simple, complex], description: the workflow }
`;
    const parsed = parseMetric(text, 'm.yaml', { reserved });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const plan = customPlan(parsed.value);
    const statement = plan.query({
      scope: {
        tenant: 't',
        period: {
          label: '2026-03',
          startDate: '2026-03-01',
          endDate: '2026-03-31',
          days: 31,
          start: '2026-03-01T00:00:00Z',
          end: '2026-04-01T00:00:00Z',
        } as never,
        zone: 'UTC',
        filters: {},
        by: [],
        asOf: '2026-05-01T00:00:00Z',
      },
      params: { kind: 'complex' },
      dialect: duckdbDialect,
    });
    expect(statement.text).not.toContain('complex');
    expect(statement.text).not.toContain("'bot'");
    expect(statement.params).toEqual(expect.arrayContaining(['complex', 'bot', 't']));
    expect(customInfo(parsed.value)).toMatchObject({
      id: 'bot_contained',
      interval: 'wilson',
      datasets: ['interactions'],
    });
  });
});
