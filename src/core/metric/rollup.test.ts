import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../sql/duckdb-dialect.js';
import { postgresDialect } from '../sql/postgres-dialect.js';
import { periodBounds } from '../time/boundaries.js';
import { parsePeriod } from '../time/period.js';
import { METRIC_CATALOG } from './catalog.js';
import { compileMetrics } from './compile.js';
import { resolveParams } from './params.js';
import type { AggregatePlan } from './plan-types.js';
import { METRIC_PLANS } from './plans.js';
import { inlined, ROLLED_PARTS, rollupRanges } from './rollup.js';
import type { Grain, Scope } from './scope.js';

const scope = (period: string, grain?: Grain, extra: Partial<Scope> = {}): Scope => {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new Error('bad period');
  return {
    tenant: 't',
    period: { ...parsed.value, ...periodBounds(parsed.value, 'Europe/Lisbon') },
    zone: 'Europe/Lisbon',
    filters: {},
    by: [],
    ...(grain ? { grain } : {}),
    asOf: '2026-12-01T00:00:00Z',
    ...extra,
  };
};
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const show = (r: ReturnType<typeof rollupRanges>) => ({
  days: r.days.map((x) => [iso(x.start), iso(x.end)]),
  contacts: r.contacts.map((x) => [iso(x.start), iso(x.end)]),
});

describe('daily rollups', () => {
  it('keep every additive part of the contact metrics at their default parameters', () => {
    const kept = new Set(ROLLED_PARTS.map((p) => `${p.kind} ${p.value ?? ''} | ${p.where}`));
    const missing: string[] = [];
    let metrics = 0;
    for (const info of METRIC_CATALOG) {
      const plan = METRIC_PLANS[info.id] as AggregatePlan | undefined;
      if (plan?.kind !== 'aggregate' || !plan.additive) continue;
      metrics += 1;
      const params = resolveParams(info, {});
      if (!params.ok) throw new Error('defaults');
      const form = plan.additive({ scope: scope('2026-03'), params: params.value, dialect: postgresDialect });
      for (const [name, part] of Object.entries(form.parts)) {
        const key = `${part.kind} ${part.kind === 'sum' ? inlined(part.value) : ''} | ${inlined(part.where)}`;
        if (!kept.has(key)) missing.push(`${info.id}.${name}: ${key}`);
      }
    }
    // A plan whose part changed must come with a migration that keeps the new part.
    expect(missing).toEqual([]);
    expect(metrics).toBe(13);
  });

  it('read whole UTC days of the period; the edges of a local period come from the contacts', () => {
    // March in Lisbon: 1 March 00:00Z (winter time) to 31 March 23:00Z (summer time).
    expect(show(rollupRanges(scope('2026-03')))).toEqual({
      days: [['2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z']],
      contacts: [['2026-03-31T00:00:00Z', '2026-03-31T23:00:00Z']],
    });
    // Local summer days never hold a whole UTC day: all from the contacts.
    expect(show(rollupRanges(scope('2026-07-01..2026-07-03', 'day'))).days).toEqual([]);
    // Winter days are UTC days.
    expect(show(rollupRanges(scope('2026-01-01..2026-01-03', 'day')))).toEqual({
      days: [['2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z']],
      contacts: [],
    });
    // Months in summer: each month's last hour (a UTC day's 23:00-24:00) before the next local month.
    const summer = show(rollupRanges(scope('2026-07-01..2026-08-31', 'month')));
    expect(summer.contacts).toEqual([
      ['2026-06-30T23:00:00Z', '2026-07-01T00:00:00Z'],
      ['2026-07-31T00:00:00Z', '2026-08-01T00:00:00Z'],
      ['2026-08-31T00:00:00Z', '2026-08-31T23:00:00Z'],
    ]);
    expect(summer.days).toEqual([
      ['2026-07-01T00:00:00Z', '2026-07-31T00:00:00Z'],
      ['2026-08-01T00:00:00Z', '2026-08-31T00:00:00Z'],
    ]);
  });

  it('answer only what they keep: not other parameters, not the agent dimension, not DuckDB', () => {
    const compile = (
      metrics: string[],
      s: Scope,
      params: Record<string, unknown> = {},
      dialect = postgresDialect,
    ) =>
      compileMetrics(
        metrics.map((metric) => {
          const info = METRIC_CATALOG.find((m) => m.id === metric);
          const resolved = info && resolveParams(info, params);
          if (!resolved?.ok) throw new Error('params');
          return { metric, plan: METRIC_PLANS[metric] as AggregatePlan, params: resolved.value };
        }),
        s,
        dialect,
      ).map((q) => (q.statement.text.includes('interaction_days') ? 'rollup' : 'contacts'));
    expect(compile(['csat', 'aht', 'handle_p90'], scope('2026-Q1'))).toEqual(['rollup', 'contacts']);
    expect(compile(['service_level'], scope('2026-Q1'), { answerWithin: '30' })).toEqual(['contacts']);
    expect(compile(['csat'], scope('2026-Q1', undefined, { by: ['agent'] }))).toEqual(['contacts']);
    expect(compile(['csat'], scope('2026-07-01..2026-07-03', 'day'))).toEqual(['contacts']);
    expect(compile(['csat'], scope('2026-Q1'), {}, duckdbDialect as never)).toEqual(['contacts']);
  });
});
