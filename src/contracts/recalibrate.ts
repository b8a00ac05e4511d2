import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import {
  adjustedTarget,
  checkProposedSource,
  directStandardise,
  editSource,
  evaluateTriggers,
  keptTarget,
  mixAdjustable,
  type OutcomeEdit,
  type ProposalBody,
  proposeUnitRate,
  staffPeriod,
  type TargetProposal,
  type TriggerResult,
  type UnitRateProposal,
} from '../core/recalibration/index.js';
import { addDays, isDate } from '../core/time/calendar.js';
import { parseWindows } from '../core/time/period-window.js';
import { instantMs } from '../core/time/zone.js';
import type { Store } from '../store/store.js';
import { getVersion, type StoredVersion } from './contract-store.js';
import {
  getProposal,
  insertProposal,
  listProposals,
  nextProposalId,
  type Proposal,
} from './proposal-store.js';
import { intervalWorkload, segmentStats, triggerMeasures } from './recalibrate-data.js';

/**
 * `covenant recalibrate`: the latest version's triggers evaluated on period P against its
 * reference period; when one fires, a proposal (mix-adjusted targets, staffing-model unit
 * rate, the next version's YAML) is stored for the parties in recalibration.approval.
 */

export interface RecalibrateOptions {
  /** The period to evaluate, e.g. 2026-Q3. */
  period: string;
  /** The date the new terms are to take effect (default: the day after the period). */
  effective?: string;
  /** The instant the data is read as of and the proposal is made at (default now). */
  asOf?: string;
  /** Compute the proposal and do not store it. */
  dryRun?: boolean;
}

export interface RecalibrationReport {
  contract: string;
  version: number;
  reference: string;
  period: string;
  triggers: TriggerResult[];
  fired: boolean;
  /** The proposal made (stored unless a dry run), or the open one already made for this period. */
  proposal: Proposal | null;
  /** What happened: `proposed`, `dry_run`, `no_trigger`, `already_open`. */
  outcome: 'proposed' | 'dry_run' | 'no_trigger' | 'already_open';
}

const singleWindow = (text: string, zone: string, what: string): PeriodWindow => {
  const [window, ...more] = parseWindows(text, zone, what);
  if (!window || more.length > 0) throw new UserError(`${what} is one period, not ${text}`);
  return window;
};

export async function recalibrate(
  store: Store,
  tenant: string,
  contractId: string,
  options: RecalibrateOptions,
): Promise<RecalibrationReport> {
  const base = await getVersion(store, tenant, contractId);
  const { contract } = base;
  const terms = contract.recalibration;
  if (!terms) throw new UserError(`${contractId} has no recalibration terms (spec.recalibration)`);
  const asOf = new Date(options.asOf === undefined ? Date.now() : instantMs(options.asOf)).toISOString();
  const reference = singleWindow(terms.reference, contract.timezone, 'recalibration.reference');
  const current = singleWindow(options.period, contract.timezone, '--period');
  const triggers = evaluateTriggers(
    terms.triggers,
    await triggerMeasures(store, tenant, contract, reference, asOf),
    await triggerMeasures(store, tenant, contract, current, asOf),
  );
  const fired = triggers.some((t) => t.fired);
  const report = {
    contract: contractId,
    version: base.version,
    reference: reference.label,
    period: current.label,
    triggers,
    fired,
  };
  if (!fired) return { ...report, proposal: null, outcome: 'no_trigger' };

  const open = await listProposals(store, tenant, { contract: contractId, status: 'open' });
  const same = open.find((p) => p.period === current.label && p.baseVersion === base.version);
  if (same) return { ...report, proposal: same, outcome: 'already_open' };
  const [other] = open;
  if (other) {
    throw new UserError(`proposal ${other.id} (${other.period}) is still open: approve or reject it first`);
  }

  const effectiveFrom = options.effective ?? addDays(current.endDate, 1);
  if (!isDate(effectiveFrom))
    throw new UserError(`--effective ${effectiveFrom}: expected a date such as 2026-10-01`);
  if (effectiveFrom <= base.effectiveFrom) {
    throw new UserError(
      `--effective ${effectiveFrom}: version ${base.version} is in force from ${base.effectiveFrom}; the next version starts after it`,
    );
  }
  const notes: string[] = [];
  const targets = await proposeTargets(store, tenant, contract, reference, current, asOf);
  const staffing = await proposeStaffing(store, tenant, contract, reference, current, notes);
  const body: ProposalBody = {
    contract: contractId,
    baseVersion: base.version,
    nextVersion: base.version + 1,
    reference: reference.label,
    period: current.label,
    scope: { vendor: contract.vendor, workflows: contract.workflows },
    measuredAsOf: asOf,
    triggers,
    targets,
    staffing,
    effectiveFrom,
    approval: terms.approval,
    effectiveLag: terms.effectiveLag,
    notes,
  };
  const proposed = await store.transaction(async (tx) => {
    const id = await nextProposalId(tx, tenant, contractId);
    const proposedSource = nextSource(base, body, id);
    checkProposedSource(proposedSource, `${id} (proposed)`);
    if (!options.dryRun) await insertProposal(tx, tenant, { id, body, proposedSource, createdAt: asOf });
    return { id, proposedSource };
  });
  if (options.dryRun) {
    const proposal: Proposal = {
      id: proposed.id,
      contract: contractId,
      baseVersion: base.version,
      period: current.label,
      status: 'open',
      effectiveFrom,
      createdAt: asOf,
      decidedAt: null,
      body,
      proposedSource: proposed.proposedSource,
      decisions: [],
    };
    return { ...report, proposal, outcome: 'dry_run' };
  }
  return { ...report, proposal: await getProposal(store, tenant, proposed.id), outcome: 'proposed' };
}

async function proposeTargets(
  store: Store,
  tenant: string,
  contract: Contract,
  reference: PeriodWindow,
  current: PeriodWindow,
  asOf: string,
): Promise<TargetProposal[]> {
  const targets: TargetProposal[] = [];
  for (const portfolio of contract.portfolios) {
    for (const outcome of portfolio.outcomes) {
      const adjustable = mixAdjustable(metricInfo(outcome.metric));
      if (!adjustable.ok) {
        targets.push(keptTarget(portfolio, outcome, adjustable.reason));
        continue;
      }
      const ref = await segmentStats(store, tenant, contract, portfolio, outcome, reference, asOf);
      const cur = await segmentStats(store, tenant, contract, portfolio, outcome, current, asOf);
      if (ref.overall.value === null || ref.overall.n === 0) {
        targets.push(
          keptTarget(portfolio, outcome, `no ${outcome.metric} in the reference ${reference.label}: kept`),
        );
        continue;
      }
      const standardisation = directStandardise(ref.segments, cur.segments, ref.overall.value);
      targets.push(
        adjustedTarget(portfolio, outcome, standardisation, { reference: ref.overall, current: cur.overall }),
      );
    }
  }
  return targets;
}

async function proposeStaffing(
  store: Store,
  tenant: string,
  contract: Contract,
  reference: PeriodWindow,
  current: PeriodWindow,
  notes: string[],
): Promise<UnitRateProposal | null> {
  const terms = contract.recalibration?.staffing;
  const { fteHourRate } = contract.pricing;
  if (!terms || fteHourRate === undefined) {
    notes.push(
      `no staffing-model unit rate: the contract has no ${terms ? 'pricing.fteHourRate' : 'recalibration.staffing'}; the rate is kept`,
    );
    return null;
  }
  const { base, rounding } = contract.pricing;
  const staff = async (window: PeriodWindow) =>
    staffPeriod(
      await intervalWorkload(store, tenant, contract, window, terms.interval),
      terms,
      fteHourRate,
      contract.currency,
      base.unit,
    );
  return proposeUnitRate(
    { rate: base.rate, rounding, unit: base.unit, fteHourRate },
    contract.currency,
    terms,
    await staff(reference),
    await staff(current),
  );
}

/** The current version's source with the proposal's terms set: version, date, reference, rate, targets and curves. */
function nextSource(base: StoredVersion, body: ProposalBody, id: string): string {
  const outcomes: OutcomeEdit[] = [];
  base.contract.portfolios.forEach((portfolio, p) => {
    portfolio.outcomes.forEach((outcome, o) => {
      const target = body.targets.find((t) => t.portfolio === portfolio.id && t.metric === outcome.metric);
      if (!target?.adjusted) return;
      outcomes.push({
        portfolio: p,
        outcome: o,
        target: target.proposedTarget,
        points: target.proposedCurve.points.map((point) => point.at),
        ...('value' in target.proposedBaseline && 'value' in outcome.baseline
          ? { baseline: target.proposedBaseline.value }
          : {}),
      });
    });
  });
  const rate = body.staffing?.changed ? body.staffing.proposedRate : undefined;
  const fired = body.triggers.filter((t) => t.fired).map((t) => t.measure);
  return editSource(base.source, {
    version: body.nextVersion,
    effectiveFrom: body.effectiveFrom,
    reference: body.period,
    ...(rate === undefined ? {} : { rate }),
    outcomes,
    header: [
      `Version ${body.nextVersion}: recalibration proposal ${id} (triggers fired on ${body.period}: ${fired.join(', ')}).`,
      `Priced on ${body.period} (was ${body.reference}); stated effective date ${body.effectiveFrom}, once ${body.approval.join(' and ')} approve.`,
      ...body.targets
        .filter((t) => t.adjusted && t.shift !== 0)
        .map(
          (t) =>
            `${t.portfolio}/${t.metric}: target ${t.target} -> ${t.proposedTarget} (mix-adjusted, curve moved with it)`,
        ),
      ...(rate === undefined ? [] : [`base rate ${body.staffing?.currentRate} -> ${rate} (staffing model)`]),
    ],
  });
}
