import type { Decimal } from 'decimal.js';
import { DateTime } from 'luxon';
import type { BaseUnit, RoundingMode, StaffingTerms } from '../contract/types.js';
import { Dec, Money, toDecimal } from '../money/money.js';
import { staffForTerms } from '../staffing/from-terms.js';
import { fixed } from './format.js';

/**
 * The staffing-model unit rate. For each staffing interval of a period: the contacts
 * offered to humans and their mean handle time give, through the contract's staffing
 * terms (Erlang C, or Erlang A with a measured patience), the agents to schedule.
 * Agent-hours = Σ scheduled x interval hours; cost = agent-hours x fteHourRate (exact
 * decimal); cost per unit = cost / the period's base-fee units. The proposed rate is
 * the current rate x (cost per unit now / cost per unit in the reference), rounded to
 * the currency's minor unit by the contract's rounding. Pure: interval loads come in.
 */

export interface IntervalLoad {
  /** Interval number from the period start (0 = the first `interval` seconds). */
  slot: number;
  /** Contacts offered to humans (path human or bot_to_human), abandoned ones included. */
  offered: number;
  /** Mean handle time of those handled; null when none was. */
  ahtSeconds: number | null;
}

export interface PeriodWorkload {
  period: string;
  /** Epoch ms of the period's first instant (slot 0 starts there). */
  startMs: number;
  zone: string;
  intervals: IntervalLoad[];
  offered: number;
  /** Handled human contacts (the handled_contact units). */
  handled: number;
  /** Those resolved (resolved_contact units). */
  resolved: number;
  days: number;
  /** Mean handle time of the period's handled human contacts (for intervals with none handled). */
  meanAhtSeconds: number | null;
  /** Erlang A only: mean patience measured over the period (estimatePatience). */
  patienceSeconds?: number;
}

export interface BusyInterval {
  /** Local start, in the contract zone. */
  start: string;
  offered: number;
  ahtSeconds: number;
  traffic: number;
  agents: number;
  scheduled: number;
  serviceLevel: number;
  occupancy: number;
}

export interface PeriodStaffing {
  period: string;
  model: 'erlang_c' | 'erlang_a';
  intervalsWithContacts: number;
  offered: number;
  handled: number;
  meanAhtSeconds: number | null;
  patienceSeconds: number | null;
  /** How many intervals needed each number of scheduled agents: Σ scheduled x intervals = agent-intervals. */
  histogram: { scheduled: number; intervals: number }[];
  agentIntervals: number;
  agentHours: string;
  cost: string;
  /** The billing units the cost is spread over (see `basis`). */
  units: string;
  costPerUnit: string;
  busiest: BusyInterval[];
  arithmetic: string[];
}

export interface UnitRateProposal {
  /** The staffing terms in words. */
  terms: string;
  basis: BaseUnit;
  fteHourRate: string;
  currency: string;
  reference: PeriodStaffing;
  current: PeriodStaffing;
  currentRate: string;
  /** Cost per unit now / cost per unit in the reference (8 decimals shown; the rate uses all digits). */
  ratio: string | null;
  exactRate: string;
  proposedRate: string;
  changed: boolean;
  arithmetic: string[];
}

const UNIT_NAMES: Record<BaseUnit, string> = {
  handled_contact: 'handled human contacts',
  resolved_contact: 'resolved handled human contacts',
  fixed_month: 'days',
  fte_month: 'FTE-months',
};

export const termsText = (terms: StaffingTerms): string =>
  [
    terms.model === 'erlang_a' ? 'Erlang A' : 'Erlang C',
    `${fixed(terms.target.serviceLevel * 100, 0)}/${terms.target.answerWithin}`,
    `interval ${terms.interval / 60}m`,
    `shrinkage ${fixed(terms.shrinkage * 100, 0)}%`,
    ...(terms.maxOccupancy === undefined ? [] : [`max occupancy ${fixed(terms.maxOccupancy * 100, 0)}%`]),
  ].join(', ');

/** The base-fee units a period's cost is spread over. */
export function unitsOf(basis: BaseUnit, workload: PeriodWorkload): number {
  if (basis === 'resolved_contact') return workload.resolved;
  if (basis === 'fixed_month') return workload.days;
  return workload.handled;
}

const BUSIEST = 5;

export function staffPeriod(
  workload: PeriodWorkload,
  terms: StaffingTerms,
  fteHourRate: string,
  currency: string,
  basis: BaseUnit,
): PeriodStaffing {
  const histogram = new Map<number, number>();
  const busy: BusyInterval[] = [];
  const fallbackAht = workload.meanAhtSeconds ?? 0;
  const patience = terms.model === 'erlang_a' ? workload.patienceSeconds : undefined;
  let agentIntervals = 0;
  for (const interval of workload.intervals) {
    const ahtSeconds = interval.ahtSeconds ?? fallbackAht;
    const staffing = staffForTerms(terms, {
      contacts: interval.offered,
      ahtSeconds,
      ...(patience === undefined ? {} : { patienceSeconds: patience }),
    });
    agentIntervals += staffing.scheduled;
    histogram.set(staffing.scheduled, (histogram.get(staffing.scheduled) ?? 0) + 1);
    busy.push({
      start: DateTime.fromMillis(workload.startMs + interval.slot * terms.interval * 1000, {
        zone: workload.zone,
      }).toFormat('yyyy-MM-dd HH:mm'),
      offered: interval.offered,
      ahtSeconds,
      traffic: staffing.traffic,
      agents: staffing.agents,
      scheduled: staffing.scheduled,
      serviceLevel: staffing.serviceLevel,
      occupancy: staffing.occupancy,
    });
  }
  busy.sort((a, b) => b.offered - a.offered || b.scheduled - a.scheduled || a.start.localeCompare(b.start));
  // Agent-hours = agent-intervals x interval seconds / 3600: one division, exact for 30m and 1h.
  const agentHours = new Dec(agentIntervals).times(terms.interval).div(3600);
  const cost = Money.parse(fteHourRate, currency).times(agentHours);
  const units = unitsOf(basis, workload);
  const costPerUnit = units === 0 ? null : cost.amount.div(units);
  const hours = terms.interval / 3600;
  const rows = [...histogram.entries()].sort(([a], [b]) => a - b);
  return {
    period: workload.period,
    model: patience !== undefined && Number.isFinite(patience) ? 'erlang_a' : 'erlang_c',
    intervalsWithContacts: workload.intervals.length,
    offered: workload.offered,
    handled: workload.handled,
    meanAhtSeconds: workload.meanAhtSeconds,
    patienceSeconds: patience ?? null,
    histogram: rows.map(([scheduled, intervals]) => ({ scheduled, intervals })),
    agentIntervals,
    agentHours: agentHours.toFixed(),
    cost: cost.toFixed(),
    units: String(units),
    costPerUnit: costPerUnit === null ? '-' : costPerUnit.toFixed(6),
    busiest: busy.slice(0, BUSIEST),
    arithmetic: [
      `${workload.offered} contacts offered to humans in ${workload.intervals.length} intervals with contacts ` +
        `(mean handle time ${fixed(workload.meanAhtSeconds, 1)} s; an interval with none handled uses it)`,
      `per interval: ${termsText(terms)} gives the agents; scheduled = agents / (1 - shrinkage), rounded up`,
      `agent-intervals = Σ scheduled = ${rows.map(([s, n]) => `${s}x${n}`).join(' + ')} = ${agentIntervals}`,
      `agent-hours = ${agentIntervals} x ${fixed(hours, hours === Math.round(hours * 100) / 100 ? 2 : 6)} h = ${agentHours.toFixed()}`,
      `cost = ${agentHours.toFixed()} h x ${fteHourRate} = ${currency} ${cost.toFixed()}`,
      costPerUnit === null
        ? `no ${UNIT_NAMES[basis]}: no cost per unit`
        : `cost per unit = ${cost.toFixed()} / ${units} ${UNIT_NAMES[basis]} = ${costPerUnit.toFixed(6)}`,
    ],
  };
}

/** rate x (cost per unit now / cost per unit in the reference), rounded to the minor unit. */
export function proposeUnitRate(
  pricing: { rate: string; rounding: RoundingMode; unit: BaseUnit; fteHourRate: string },
  currency: string,
  terms: StaffingTerms,
  reference: PeriodStaffing,
  current: PeriodStaffing,
): UnitRateProposal {
  const base = {
    terms: termsText(terms),
    basis: pricing.unit,
    fteHourRate: pricing.fteHourRate,
    currency,
    reference,
    current,
    currentRate: pricing.rate,
  };
  const keep = (why: string): UnitRateProposal => ({
    ...base,
    ratio: null,
    exactRate: pricing.rate,
    proposedRate: pricing.rate,
    changed: false,
    arithmetic: [why, `the rate stays ${pricing.rate}`],
  });
  if (pricing.unit === 'fte_month') {
    return keep(
      'the base fee is per FTE-month, so it already follows the staffing: the staffing model is shown for reference',
    );
  }
  const [refUnits, curUnits] = [Number(reference.units), Number(current.units)];
  const refCost = toDecimal(reference.cost);
  const curCost = toDecimal(current.cost);
  if (refUnits === 0 || curUnits === 0 || refCost.isZero()) {
    return keep(
      `no ${refUnits === 0 || refCost.isZero() ? 'reference' : 'current'} cost per unit to compare`,
    );
  }
  // ratio = (cost_cur / units_cur) / (cost_ref / units_ref) = cost_cur x units_ref / (cost_ref x units_cur): one
  // division, carried to 30 decimal places (far below a cent on any rate) so the money product stays exact.
  const ratio: Decimal = curCost.times(refUnits).div(refCost.times(curUnits)).toDecimalPlaces(30);
  const exact = Money.parse(pricing.rate, currency).times(ratio);
  const rounded = exact.round(pricing.rounding);
  const ratioText = ratio.toFixed(8);
  return {
    ...base,
    ratio: ratioText,
    exactRate: exact.amount.toFixed(8),
    proposedRate: rounded.toFixed(),
    changed: rounded.compare(Money.parse(pricing.rate, currency)) !== 0,
    arithmetic: [
      `ratio = cost per unit now / in the reference = ${current.costPerUnit} / ${reference.costPerUnit} = ${ratioText}`,
      `proposed rate = ${pricing.rate} x ${ratioText} = ${exact.amount.toFixed(8)}, rounded ${pricing.rounding} to the ${currency} minor unit: ${rounded.toFixed()}`,
    ],
  };
}
