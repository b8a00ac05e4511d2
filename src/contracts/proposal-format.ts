import { percent } from '../core/contract/payout.js';
import type { Baseline, PayoutCurve } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import {
  fixed,
  type PeriodStaffing,
  type ProposalBody,
  pct,
  pp,
  signed,
  type TargetProposal,
  type TriggerResult,
  type UnitRateProposal,
} from '../core/recalibration/index.js';
import { textTable as table } from '../core/text-table.js';
import type { DecisionReport, Proposal } from './proposal-store.js';

/**
 * Proposals as text: the triggers with their arithmetic, the mix-adjusted targets with
 * each segment's numbers, the staffing model step by step, the decisions. Plain aligned
 * tables (the CLI's table style); JSON is the proposal as stored.
 */

/** Numbers, percentages, points and seconds are right-aligned in these tables. */
const MEASURE = /^[-+±]?[\d.,]*(%|pp| s)?$/;

export const textTable = (headers: string[], rows: string[][]): string =>
  table(headers, rows, { numeric: MEASURE });

const value = (x: number | null, basis: string) =>
  x === null ? '-' : basis === 'contacts per day' || Math.abs(x) >= 10 ? fixed(x, 2) : fixed(x, 4);

const moved = (t: TriggerResult) =>
  t.unbounded ? 'unbounded' : t.mode === 'points' ? pp(t.change) : pct(t.change);

export function formatTriggers(triggers: readonly TriggerResult[]): string {
  if (triggers.length === 0) return 'no triggers in recalibration.triggers';
  const rows = triggers.map((t) => [
    t.measure,
    t.mode === 'points' ? pp(t.threshold, 0) : pct(t.threshold, 0),
    value(t.reference, t.basis),
    value(t.current, t.basis),
    moved(t),
    t.fired ? 'FIRES' : 'no',
  ]);
  return [
    textTable(['measure', 'threshold', 'reference', 'current', 'change', 'fired'], rows),
    '',
    ...triggers.map((t) => `${t.measure}: ${t.arithmetic}`),
  ].join('\n');
}

const baselineText = (b: Baseline) => ('value' in b ? fixed(b.value, 4) : `measured on ${b.period}`);
const curveText = (c: PayoutCurve) => c.points.map((p) => `(${p.at}, ${percent(p.pay)})`).join(' ');

export function formatTargets(targets: readonly TargetProposal[], detail: boolean): string {
  const rows = targets.map((t) => [
    `${t.portfolio}/${t.metric}`,
    t.standardisation ? fixed(t.standardisation.expectedReference, 4) : '',
    t.standardisation ? fixed(t.standardisation.expectedCurrent, 4) : '',
    t.adjusted ? signed(t.shift, 4) : 'kept',
    fixed(t.target, 4),
    fixed(t.proposedTarget, 4),
  ]);
  const out = [textTable(['outcome', 'expected ref', 'expected now', 'shift', 'target', 'proposed'], rows)];
  for (const t of targets) {
    if (!t.adjusted) {
      out.push('', `${t.portfolio}/${t.metric}: ${t.reason}`);
      continue;
    }
    const s = t.standardisation;
    out.push('', `${t.portfolio}/${t.metric} (${t.direction} is better): ${t.reason}`);
    if (t.measured) {
      out.push(
        `  measured as is: reference ${fixed(t.measured.reference.value, 4)} (n ${t.measured.reference.n}), ` +
          `now ${fixed(t.measured.current.value, 4)} (n ${t.measured.current.n})`,
      );
    }
    out.push(`  curve ${curveText(t.curve)} -> ${curveText(t.proposedCurve)}`);
    if ('value' in t.baseline)
      out.push(`  baseline ${baselineText(t.baseline)} -> ${baselineText(t.proposedBaseline)}`);
    if (!s) continue;
    out.push(...s.arithmetic.map((line) => `  ${line}`));
    if (detail) {
      const segRows = s.segments.map((g) => [
        g.workflow,
        g.channel,
        g.path,
        String(g.referenceN),
        g.referenceK === undefined ? '' : String(g.referenceK),
        g.rateSource === 'segment' ? fixed(g.rate, 4) : `${fixed(g.rate, 4)}*`,
        fixed(g.referenceWeight, 4),
        String(g.currentN),
        fixed(g.currentWeight, 4),
        fixed(g.referenceTerm, 6),
        fixed(g.currentTerm, 6),
      ]);
      segRows.push([
        'total',
        '',
        '',
        String(s.referenceN),
        '',
        '',
        '1.0000',
        String(s.currentN),
        s.currentN === 0 ? '0.0000' : '1.0000',
        fixed(s.expectedReference, 6),
        fixed(s.expectedCurrent, 6),
      ]);
      const table = textTable(
        [
          'workflow',
          'channel',
          'path',
          'n ref',
          'k ref',
          'r_s',
          'w_s',
          'n now',
          "w'_s",
          'w_s r_s',
          "w'_s r_s",
        ],
        segRows,
      );
      out.push(...table.split('\n').map((line) => `  ${line}`));
      if (s.segments.some((g) => g.rateSource !== 'segment')) {
        out.push('  * no reference rate of its own: the reference overall rate');
      }
    }
  }
  return out.join('\n');
}

function staffingRows(ref: PeriodStaffing, cur: PeriodStaffing): string[][] {
  const row = (label: string, pick: (p: PeriodStaffing) => string) => [label, pick(ref), pick(cur)];
  return [
    row('offered to humans', (p) => String(p.offered)),
    row('handled', (p) => String(p.handled)),
    row('intervals with contacts', (p) => String(p.intervalsWithContacts)),
    row('mean handle time (s)', (p) => fixed(p.meanAhtSeconds, 1)),
    row('agent-intervals scheduled', (p) => String(p.agentIntervals)),
    row('agent-hours', (p) => p.agentHours),
    row('cost', (p) => p.cost),
    row('units', (p) => p.units),
    row('cost per unit', (p) => p.costPerUnit),
  ];
}

export function formatStaffing(staffing: UnitRateProposal | null, detail: boolean): string {
  if (!staffing) return 'no staffing-model unit rate (see the notes)';
  const { reference: ref, current: cur } = staffing;
  const out = [
    `${staffing.terms}; fteHourRate ${staffing.currency} ${staffing.fteHourRate}; cost spread over ${staffing.basis} units`,
    textTable(['step', `reference ${ref.period}`, `now ${cur.period}`], staffingRows(ref, cur)),
  ];
  if (detail) {
    for (const p of [ref, cur]) {
      out.push('', `${p.period}:`, ...p.arithmetic.map((line) => `  ${line}`));
      out.push(`  busiest intervals (local time):`);
      const rows = p.busiest.map((b) => [
        b.start,
        String(b.offered),
        fixed(b.ahtSeconds, 1),
        fixed(b.traffic, 3),
        String(b.agents),
        String(b.scheduled),
        fixed(b.serviceLevel, 4),
        fixed(b.occupancy, 4),
      ]);
      const table = textTable(
        ['interval', 'offered', 'aht s', 'erlangs', 'agents', 'scheduled', 'SL', 'occupancy'],
        rows,
      );
      out.push(...table.split('\n').map((line) => `  ${line}`));
    }
  }
  out.push('', ...staffing.arithmetic);
  out.push(
    staffing.changed
      ? `proposed base rate: ${staffing.currency} ${staffing.currentRate} -> ${staffing.proposedRate}`
      : `base rate kept: ${staffing.currency} ${staffing.currentRate}`,
  );
  return out.join('\n');
}

export function formatBody(body: ProposalBody, detail: boolean): string {
  const out = [
    `Triggers: ${body.period} against the reference ${body.reference} on ${body.scope.vendor} (${body.scope.workflows.join(', ')})`,
    formatTriggers(body.triggers),
    '',
    'Mix-adjusted targets (direct standardisation on workflow x channel x path, reference rates):',
    formatTargets(body.targets, detail),
    '',
    'Staffing-model unit rate:',
    formatStaffing(body.staffing, detail),
  ];
  if (body.notes.length > 0) out.push('', ...body.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

function decisionsText(p: Proposal): string {
  const parts = p.body.approval.map((party) => {
    const d = p.decisions.find((x) => x.party === party);
    return d
      ? `${party} ${d.decision === 'approve' ? 'approved' : 'rejected'} ${d.decidedAt}`
      : `${party} pending`;
  });
  return parts.join('; ');
}

export function proposalHeader(p: Proposal): string {
  const applied =
    p.status === 'applied'
      ? `applied as version ${p.appliedVersion ?? p.body.nextVersion}, effective from ${p.effectiveFrom}` +
        (p.effectiveFrom !== p.body.effectiveFrom ? ` (stated ${p.body.effectiveFrom}; approved later)` : '')
      : p.status === 'rejected'
        ? 'rejected'
        : `open: version ${p.body.nextVersion} from ${p.effectiveFrom} once ${p.body.approval.join(' and ')} approve`;
  return [
    `Proposal ${p.id}: ${p.contract} v${p.baseVersion} -> v${p.body.nextVersion}, priced on ${p.period} (was ${p.body.reference})`,
    `status: ${applied}`,
    `made ${p.createdAt}; decisions: ${decisionsText(p)}`,
  ].join('\n');
}

export function formatProposal(p: Proposal, format: string, changes: string[] = []): string {
  if (format === 'json') return `${JSON.stringify({ ...p, changes }, null, 2)}\n`;
  if (format === 'yaml') return p.proposedSource.endsWith('\n') ? p.proposedSource : `${p.proposedSource}\n`;
  if (format !== 'table') throw new UserError(`--format ${format}: expected table, json or yaml`);
  const out = [proposalHeader(p), '', formatBody(p.body, true)];
  if (changes.length > 0) out.push('', `Changes to the terms (v${p.baseVersion} -> proposed):`, ...changes);
  return `${out.join('\n')}\n`;
}

export function formatProposalList(proposals: readonly Proposal[], format: string): string {
  if (format === 'json')
    return `${JSON.stringify(
      proposals.map(({ body: _b, proposedSource: _s, ...rest }) => rest),
      null,
      2,
    )}\n`;
  if (format !== 'table') throw new UserError(`--format ${format}: expected table or json`);
  if (proposals.length === 0) return 'no proposals\n';
  const rows = proposals.map((p) => [
    p.id,
    p.contract,
    `v${p.baseVersion}`,
    p.period,
    p.status,
    p.effectiveFrom,
    p.body.triggers
      .filter((t) => t.fired)
      .map((t) => t.measure)
      .join(', '),
    decisionsText(p),
  ]);
  return `${textTable(['proposal', 'contract', 'base', 'period', 'status', 'effective', 'fired', 'decisions'], rows)}\n`;
}

export function formatDecision(r: DecisionReport, format: string): string {
  if (format === 'json') {
    const { proposal, ...rest } = r;
    return `${JSON.stringify({ ...rest, proposal: proposal.id, status: proposal.status }, null, 2)}\n`;
  }
  const did = `${r.party} ${r.decision === 'approve' ? 'approved' : 'rejected'} ${r.proposal.id}`;
  if (r.decision === 'reject') return `${did}: the proposal is closed; the terms in force stay\n`;
  if (r.applied) {
    const moved = r.applied.moved
      ? ` (stated ${r.applied.stated}, but the last approval came after it: never retroactively, so the day after it, ${r.applied.earliest})`
      : '';
    return (
      `${did}: every party approved; ${r.proposal.contract} version ${r.applied.version} ` +
      `is in force from ${r.applied.effectiveFrom}${moved}\n`
    );
  }
  return `${did}; waiting for ${r.waitingFor.join(', ')}: version ${r.proposal.baseVersion} stays in force\n`;
}
