import { percent } from '../contract/payout.js';
import type { EarnBackLine } from '../settlement/mechanics/types.js';
import type { ExportedSettlement } from './settlement-rows.js';

/**
 * The outsourcing-market mechanics of a settlement as rows every reader shows (CLI table,
 * XLSX sheet, PDF section): the pool, each earn-back credit with the penalty it returns,
 * each outcome's defaults and termination right, the improvement that made the version.
 * The details are the rules' own words, as the traces' are.
 */
export interface MechanicsRow {
  topic: 'allocation pool' | 'earn-back' | 'chronic failure' | 'continuous improvement';
  item: string;
  detail: string;
}

export function mechanicsRows(report: ExportedSettlement): MechanicsRow[] {
  const rows: MechanicsRow[] = [];
  for (const part of report.parts) {
    const m = part.mechanics;
    if (!m) continue;
    if (m.allocationPool !== undefined)
      rows.push({
        topic: 'allocation pool',
        item: percent(m.allocationPool),
        detail: `portfolio weights sum to ${percent(m.allocationPool)} of the at-risk amount ${part.atRisk}; penalties together are still cut at it (${part.penaltyLimit})`,
      });
    if (m.earnBack) {
      const credits = part.lines.filter((l): l is EarnBackLine => l.kind === 'earn_back');
      rows.push({
        topic: 'earn-back',
        item: `${m.earnBack.periods} period(s), ${percent(m.earnBack.share)}`,
        detail:
          credits.length === 0
            ? 'no penalty completed its earn-back in this period'
            : `${credits.length} credit line(s) on this invoice`,
      });
      for (const c of credits) rows.push({ topic: 'earn-back', item: c.id, detail: c.trace.rule });
    }
    const cf = m.chronicFailure;
    if (cf) {
      for (const o of cf.outcomes) {
        const right = o.terminationRight
          ? `; TERMINATION RIGHT from ${o.terminationRight.grantedIn} (defaults ${o.terminationRight.periods.join(', ')})`
          : o.oneShort
            ? '; one default short of chronic failure'
            : '';
        rows.push({
          topic: 'chronic failure',
          item: o.label,
          detail: `${o.count} default(s) within the last ${cf.within} periods (${cf.misses} give a termination right); defaults: ${o.defaults.join(', ') || 'none'}${right}`,
        });
      }
    }
    if (m.improvement) {
      for (const t of m.improvement.targets)
        rows.push({
          topic: 'continuous improvement',
          item: `v${part.version} from ${m.improvement.anniversary}: ${t.portfolio}/${t.metric}`,
          detail: t.rule,
        });
    }
  }
  return rows;
}
