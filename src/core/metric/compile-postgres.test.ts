import { describe, expect, it } from 'vitest';
import { postgresDialect } from '../sql/postgres-dialect.js';
import { periodBounds } from '../time/boundaries.js';
import { parsePeriod } from '../time/period.js';
import { METRIC_CATALOG } from './catalog.js';
import { compileMetrics } from './compile.js';
import { resolveParams } from './params.js';
import { METRIC_PLANS } from './plans.js';
import type { Dimension, Scope } from './scope.js';

const parsed = parsePeriod('2026-Q1');
if (!parsed.ok) throw new Error('bad period');
const period = { ...parsed.value, ...periodBounds(parsed.value, 'Europe/Lisbon') };

const scope = (by: Dimension[], grain?: 'day'): Scope => ({
  tenant: 'northwind',
  period,
  zone: 'Europe/Lisbon',
  filters: { vendor: ['brightpath'] },
  by,
  ...(grain ? { grain } : {}),
  asOf: '2026-12-01T00:00:00Z',
});

/**
 * The PostgreSQL text of every metric, pinned: the PostgreSQL driver runs exactly this
 * SQL, so a change to it shows up here for review. Placeholders are numbered $1..$n and
 * no value appears in the text.
 */
describe('every metric compiles to PostgreSQL', () => {
  for (const info of METRIC_CATALOG.filter((m) => METRIC_PLANS[m.id])) {
    it(info.id, () => {
      const params = resolveParams(info, {});
      if (!params.ok) throw new Error('defaults must resolve');
      const plan = METRIC_PLANS[info.id];
      if (!plan) throw new Error('no plan');
      const by: Dimension[] = plan.kind === 'query' && plan.dimensions ? ['vendor'] : ['site'];
      const compiled = compileMetrics(
        [{ metric: info.id, plan, params: params.value }],
        scope(by),
        postgresDialect,
      );
      const rendered = compiled.map((q) => postgresDialect.render(q.statement));
      for (const { text, params: values } of rendered) {
        expect(text).not.toContain('?');
        expect(text).not.toContain('brightpath');
        expect(values).toContain('brightpath');
        expect(Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))).toBe(values.length);
      }
      expect(rendered.map((r) => r.text.replace(/\s+/g, ' ').trim())).toMatchSnapshot();
    });
  }
});
