import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { parseContract } from '../core/contract/parse-contract.js';
import type { Contract } from '../core/contract/types.js';
import { type Issue, UserError } from '../core/issues.js';

/**
 * The terms a client admin may change for the next term on the renewal page: targets and
 * weights of outcomes, portfolio weights, the at-risk share, the bonus cap and the base
 * rate. Shares are fractions (0.12 = 12%). A target's payout curve moves with it, so the
 * curve keeps its shape around the target (as a mix-adjusted target's does).
 */
export interface WhatIfEdits {
  name?: string;
  rate?: string;
  atRisk?: number;
  bonusCap?: number;
  /** The allocation pool; without portfolio weight edits, the weights scale with it. */
  allocationPool?: number;
  /** Earn-back terms, or null to leave earn-back out. */
  earnBack?: { periods: number; share: number } | null;
  portfolios?: Record<string, { weight?: number }>;
  /** Keyed `portfolio/metric`. */
  outcomes?: Record<string, { target?: number; weight?: number }>;
}

const pct = (fraction: number) => `${Number((fraction * 100).toFixed(4))}%`;
const round = (v: number) => Number(v.toFixed(6));

/**
 * The contract's YAML with the edits written into it (comments and layout kept), then
 * parsed and validated as any contract file is: every problem with its line and column.
 */
export function applyEdits(source: string, edits: WhatIfEdits): { source: string; contract: Contract } {
  const doc = parseDocument(source);
  const problems: Issue[] = [];
  if (edits.name !== undefined) doc.setIn(['metadata', 'name'], edits.name);
  if (edits.rate !== undefined) doc.setIn(['spec', 'pricing', 'base', 'rate'], edits.rate);
  if (edits.atRisk !== undefined) doc.setIn(['spec', 'pricing', 'atRisk'], pct(edits.atRisk));
  if (edits.bonusCap !== undefined) doc.setIn(['spec', 'pricing', 'bonusCap'], pct(edits.bonusCap));
  const portfolios = doc.getIn(['spec', 'portfolios']);
  const list = isSeq(portfolios) ? (portfolios.items as YAMLMap[]) : [];
  if (edits.allocationPool !== undefined)
    poolEdit(doc, list, edits.allocationPool, edits.portfolios === undefined);
  if (edits.earnBack === null) doc.deleteIn(['spec', 'earnBack']);
  else if (edits.earnBack !== undefined)
    doc.setIn(['spec', 'earnBack'], { periods: edits.earnBack.periods, share: pct(edits.earnBack.share) });
  const portfolioOf = (id: string) => list.find((p) => isMap(p) && p.get('id') === id);
  for (const [id, edit] of Object.entries(edits.portfolios ?? {})) {
    const p = portfolioOf(id);
    if (!p)
      problems.push({ code: 'unknown_portfolio', path: ['portfolios', id], message: `no portfolio ${id}` });
    else if (edit.weight !== undefined) p.set('weight', pct(edit.weight));
  }
  for (const [key, edit] of Object.entries(edits.outcomes ?? {})) {
    const [id, metric] = key.split('/');
    const outcomes = portfolioOf(id ?? '')?.get('outcomes');
    const o = isSeq(outcomes)
      ? (outcomes.items as YAMLMap[]).find((x) => isMap(x) && x.get('metric') === metric)
      : undefined;
    if (!o) {
      problems.push({ code: 'unknown_outcome', path: ['outcomes', key], message: `no outcome ${key}` });
      continue;
    }
    if (edit.weight !== undefined) o.set('weight', pct(edit.weight));
    if (edit.target !== undefined) {
      const by = edit.target - Number(o.get('target'));
      o.set('target', round(edit.target));
      const points = o.getIn(['payout', 'points']);
      if (isSeq(points))
        for (const point of points.items as YAMLMap[]) point.set('at', round(Number(point.get('at')) + by));
    }
  }
  if (problems.length > 0) throw new UserError('the edits name terms the contract does not have', problems);
  const text = doc.toString();
  const parsed = parseContract(text, `${edits.name ?? 'what-if'}.yaml`);
  if (!parsed.ok) throw new UserError('the edited terms are not a valid contract', parsed.issues);
  return { source: text, contract: parsed.value };
}

/** The pool written (100% leaves the field out); the portfolio weights scale with it unless edited too. */
function poolEdit(
  doc: ReturnType<typeof parseDocument>,
  list: YAMLMap[],
  pool: number,
  scale: boolean,
): void {
  const before = Number(readFraction(doc.getIn(['spec', 'pricing', 'allocationPool'])) ?? 1);
  if (pool === 1) doc.deleteIn(['spec', 'pricing', 'allocationPool']);
  else doc.setIn(['spec', 'pricing', 'allocationPool'], pct(pool));
  if (!scale || before === pool) return;
  for (const p of list) {
    const weight = readFraction(p.get('weight'));
    if (weight !== undefined) p.set('weight', pct(round((weight * pool) / before)));
  }
}

/** A fraction as the file writes it: 0.6 or "60%". */
const readFraction = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  const match = typeof value === 'string' ? /^([\d.]+)\s*%$/.exec(value) : null;
  return match ? Number(match[1]) / 100 : undefined;
};
