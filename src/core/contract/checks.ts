import { metricInfo } from '../metric/catalog.js';
import { toDecimal } from '../money/money.js';
import { isRecord } from '../yaml/read-yaml.js';
import type { Reporter } from '../yaml/reporter.js';
import { checkOutcome, read } from './check-outcome.js';
import { percent } from './payout.js';
import { change, date, fraction } from './units.js';

/**
 * The meaning of a contract across fields, checked on the plain YAML value so that one
 * malformed field does not hide the others: the schema pass reports shapes and units,
 * this pass reads each field it needs on its own and skips what the schema rejected.
 */

type Path = (string | number)[];
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const weight = fraction('weight');
const poolOf = fraction('allocationPool');

export function checkContract(rep: Reporter, warn: Reporter, js: unknown): void {
  const spec = isRecord(js) && isRecord(js.spec) ? js.spec : undefined;
  if (!spec) return;
  checkTerm(rep, spec);
  const pricing = isRecord(spec.pricing) ? spec.pricing : {};
  const pool = pricing.allocationPool === undefined ? 1 : read(poolOf, pricing.allocationPool);
  checkPortfolios(rep, warn, spec.portfolios, pool);
  checkChronic(rep, spec.chronicFailure);
  if (isRecord(spec.recalibration)) checkTriggers(rep, spec.recalibration.triggers);
}

function checkTerm(rep: Reporter, spec: Record<string, unknown>): void {
  const term = isRecord(spec.term) ? spec.term : {};
  const [start, end] = [read(date, term.start), read(date, term.end)];
  if (start && end && end < start) {
    rep.node(
      'term_order',
      ['spec', 'term', 'end'],
      `the term ends (${end}) before it starts (${start}): end is on or after start`,
    );
  }
  const from = read(date, spec.effectiveFrom);
  if (from && start && end && (from < start || from > end)) {
    rep.node(
      'effective_outside_term',
      ['spec', 'effectiveFrom'],
      `effectiveFrom ${from} is outside the term ${start}..${end}`,
    );
  }
}

/** Weights that must add up to exactly 100%, or the allocation pool (decimal sum: 0.1 + 0.2 + 0.7 is 1). */
function checkSum(
  rep: Reporter,
  parent: Path,
  key: string,
  what: string,
  raws: unknown[],
  to = 1,
  pooled = false,
): void {
  const weights = raws.map((raw) => read(weight, raw));
  if (weights.length === 0 || weights.some((w) => w === undefined)) return;
  const total = weights.reduce((sum, w) => sum.plus(toDecimal(w as number)), toDecimal(0));
  if (total.equals(toDecimal(to))) return;
  const terms = weights.map((w) => percent(w as number)).join(' + ');
  const aim = pooled ? `the allocationPool ${percent(to)}` : percent(to);
  rep.key('weights_sum', parent, key, `${what} must sum to ${aim}, found ${terms} = ${percent(total)}`);
}

/** `pool`: the allocation pool (1 when not written), undefined when it is malformed (the schema says so). */
function checkPortfolios(rep: Reporter, warn: Reporter, raw: unknown, pool: number | undefined): void {
  const portfolios = list(raw);
  const path: Path = ['spec', 'portfolios'];
  if (pool !== undefined) {
    checkSum(
      rep,
      ['spec'],
      'portfolios',
      'portfolio weights',
      portfolios.map((p) => (isRecord(p) ? p.weight : undefined)),
      pool,
      pool !== 1,
    );
    portfolios.forEach((p, index) => {
      const w = isRecord(p) ? read(weight, p.weight) : undefined;
      if (w !== undefined && w > pool) {
        rep.node(
          'weight_above_pool',
          [...path, index, 'weight'],
          `a portfolio weight is at most the allocationPool ${percent(pool)}, found ${percent(w)}`,
        );
      }
    });
  }
  const ids = new Map<string, number>();
  const owner = new Map<string, string>();
  portfolios.forEach((portfolio, index) => {
    if (!isRecord(portfolio)) return;
    const at: Path = [...path, index];
    const id = typeof portfolio.id === 'string' ? portfolio.id : `#${index + 1}`;
    if (typeof portfolio.id === 'string') {
      if (ids.has(id))
        rep.node('duplicate_portfolio', [...at, 'id'], `portfolio id ${id} is used twice: ids are unique`);
      ids.set(id, index);
    }
    list(portfolio.workflows).forEach((workflow, w) => {
      if (typeof workflow !== 'string') return;
      const first = owner.get(workflow);
      if (first === id) {
        rep.node(
          'duplicate_workflow',
          [...at, 'workflows', w],
          `workflow ${workflow} is listed twice in ${id}`,
        );
      } else if (first !== undefined) {
        rep.node(
          'workflow_in_two_portfolios',
          [...at, 'workflows', w],
          `workflow ${workflow} is already in portfolio ${first}: a workflow belongs to one portfolio, so its contacts are paid for once`,
        );
      } else {
        owner.set(workflow, id);
      }
    });
    const outcomes = list(portfolio.outcomes);
    checkSum(
      rep,
      at,
      'outcomes',
      `outcome weights of portfolio ${id}`,
      outcomes.map((o) => (isRecord(o) ? o.weight : undefined)),
    );
    const metrics = new Set<string>();
    outcomes.forEach((outcome, o) => {
      if (!isRecord(outcome)) return;
      if (typeof outcome.metric === 'string') {
        if (metrics.has(outcome.metric)) {
          rep.node(
            'duplicate_outcome',
            [...at, 'outcomes', o, 'metric'],
            `${outcome.metric} is already an outcome of ${id}: one outcome per metric and portfolio`,
          );
        }
        metrics.add(outcome.metric);
      }
      checkOutcome(rep, warn, [...at, 'outcomes', o], outcome);
    });
  });
}

/** A chronic failure needs its misses to fit in the periods they are counted within. */
function checkChronic(rep: Reporter, raw: unknown): void {
  if (!isRecord(raw) || typeof raw.misses !== 'number' || typeof raw.within !== 'number') return;
  if (raw.misses > raw.within) {
    rep.node(
      'chronic_window',
      ['spec', 'chronicFailure', 'within'],
      `within is the number of consecutive periods the ${raw.misses} misses fall in: at least ${raw.misses}, found ${raw.within}`,
    );
  }
}

/** Trigger measures are metrics measured on the contract's scope, or channel_mix; pp only for shares. */
function checkTriggers(rep: Reporter, raw: unknown): void {
  list(raw).forEach((trigger, index) => {
    if (!isRecord(trigger) || typeof trigger.measure !== 'string') return;
    const at: Path = ['spec', 'recalibration', 'triggers', index];
    const measure = trigger.measure;
    const info = metricInfo(measure);
    if (measure !== 'channel_mix' && (!info || info.needsContract || info.family !== 'contact')) {
      rep.node(
        'unknown_measure',
        [...at, 'measure'],
        `unknown trigger measure ${measure}: expected channel_mix or a contact metric of metrics.md (containment, contacts, aht, ...)`,
      );
      return;
    }
    const parsed = read(change, trigger.change);
    const share = measure === 'channel_mix' || info?.unit === 'share';
    if (parsed?.mode === 'points' && !share) {
      rep.node(
        'unit_mismatch',
        [...at, 'change'],
        `${measure} is not a share, so its change is relative: write e.g. 25%, not ${trigger.change}`,
      );
    }
  });
}
