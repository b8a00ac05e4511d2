import { textTableLines } from '../text-table.js';
import {
  formatChange,
  formatCount,
  formatDifference,
  formatMoney,
  formatP,
  formatPercent,
  formatValue,
} from './format.js';
import { mechanicsLines } from './html-mechanics.js';
import type { Scorecard } from './types.js';

/** The scorecard in a terminal: the recommendation with its reasons, then the outcome and money tables. */
export function renderScorecardText(card: Scorecard): string {
  const rec = card.recommendation;
  const c = card.money.currency;
  const lines: string[] = [
    `${card.contract.displayName} (${card.contract.id} v${card.contract.version})`,
    `scored ${card.termSoFar.display}${card.termSoFar.complete ? ' (whole term)' : ' (term so far)'}, as of ${card.asOf}`,
    '',
    `Recommendation: ${rec.label.toUpperCase()}`,
    ...rec.reasons.map((r, i) => `  ${i + 1}. ${r.text} [${r.rule}]`),
  ];
  if (rec.otherReasons.length > 0) {
    lines.push('  Also found:', ...rec.otherReasons.map((r) => `  - ${r.text} [${r.rule}]`));
  }
  lines.push('', 'Outcomes (term so far against the contract baseline)');
  const rows = card.outcomes.map((o) => [
    `${o.portfolio}/${o.metric}`,
    formatValue(o.baseline.value, o.unit, o.metric),
    formatValue(o.target, o.unit, o.metric),
    formatValue(o.term.value, o.unit, o.metric),
    formatCount(o.term.n),
    formatDifference(o.term.difference, o.unit, o.metric),
    formatP(o.term.p),
    o.term.evidence.replaceAll('_', ' '),
    formatPercent(o.term.attainment),
    o.trend.map((q) => formatValue(q.value, o.unit, o.metric)).join(' '),
    formatMoney(o.money.net, c),
  ]);
  lines.push(
    ...table(
      [
        'outcome',
        'baseline',
        'target',
        'actual',
        'n',
        'difference',
        'p',
        'evidence',
        'attainment',
        'by quarter',
        'paid/withheld',
      ],
      rows,
    ),
  );
  lines.push('', 'Money by settlement period');
  lines.push(
    ...table(
      ['period', 'kind', 'base fee', 'bonuses', 'penalties', 'caps', 'total'],
      [
        ...card.money.periods.map((p) => [
          p.display,
          p.kind,
          formatMoney(p.baseFee, c),
          formatMoney(p.bonuses, c),
          formatMoney(p.penalties, c),
          formatMoney(p.caps, c),
          formatMoney(p.total, c),
        ]),
        [
          'term so far',
          '',
          formatMoney(card.money.term.baseFee, c),
          formatMoney(card.money.term.bonuses, c),
          formatMoney(card.money.term.penalties, c),
          formatMoney(card.money.term.caps, c),
          formatMoney(card.money.term.total, c),
        ],
      ],
    ),
  );
  lines.push(
    '',
    `Value: cost per contact ${card.value.periods.map((p) => formatValue(p.costPerContact, 'money', '', c)).join(' → ')} (${formatChange(
      card.value.costChange,
    )}); value per contact ${card.value.periods.map((p) => formatValue(p.valuePerContact, 'money', '', c)).join(' → ')} (${formatChange(
      card.value.valueChange,
    )})`,
    '',
    'Remote operations and security (by quarter; * = missed with evidence)',
  );
  lines.push(
    ...table(
      ['measurement', 'contract', ...card.quarters.map((q) => q.display), 'term'],
      card.operations.map((r) => [
        r.metric,
        r.threshold === null
          ? '-'
          : `${r.direction === 'lower' ? '<=' : '>='} ${formatValue(r.threshold, r.unit, r.metric)}`,
        ...[...r.periods, r.term].map(
          (p) => `${formatValue(p.value, r.unit, r.metric)}${p.evidentMiss ? '*' : ''}`,
        ),
      ]),
    ),
  );
  const proposals = card.recalibrations.proposals;
  lines.push(
    '',
    `Recalibrations: ${
      proposals.length === 0
        ? 'none proposed'
        : proposals.map((p) => `${p.id} (${p.period}, ${p.status})`).join(', ')
    }; versions ${card.recalibrations.versions.map((v) => `v${v.version} from ${v.effectiveFrom}`).join(', ')}`,
  );
  for (const t of card.recalibrations.triggers) {
    if (t.fired.length > 0)
      lines.push(`  ${t.display}: ${t.fired.map((f) => `${f.measure} ${f.arithmetic}`).join('; ')}`);
  }
  lines.push(...mechanicsLines(card));
  lines.push(...evidenceLines(card));
  return `${lines.join('\n')}\n`;
}

const table = (head: string[], rows: string[][]): string[] => textTableLines(head, rows, { compact: true });

const fixed = (v: number | null) => (v === null ? '-' : v.toFixed(3));

/** Experiments on the contract (difference in differences) and the alert history. */
function evidenceLines(card: Scorecard): string[] {
  const e = card.evidence;
  if (!e) return [];
  return [
    '',
    `Experiments: ${e.experiments.length === 0 ? 'none registered' : ''}`,
    ...e.experiments.map(
      (x) =>
        `  ${x.id} (${x.metric} from ${x.start}): effect ${fixed(x.effect)} (95% ${fixed(x.low)} to ${fixed(x.high)}), p ${formatP(x.p)}${x.insufficient ? ', insufficient data' : ''}`,
    ),
    `Alerts: ${e.alerts.length === 0 ? 'no state changes' : `${e.alerts.length} state change(s)`}`,
    ...e.alerts
      .slice(0, 20)
      .map(
        (a) =>
          `  ${a.asOf.slice(0, 10)} ${a.period} ${a.portfolio}/${a.metric}: ${a.previousState ?? '-'} -> ${a.state}`,
      ),
  ];
}
