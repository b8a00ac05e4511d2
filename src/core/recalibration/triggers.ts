import type { Trigger } from '../contract/types.js';
import { fixed, pct, pp } from './format.js';

/**
 * Recalibration triggers (contract-format.md): change = |current - reference| on the
 * contract's scope, absolute for `pp` (points of a share), relative to the reference for
 * `%`. Contacts are compared per day, so periods of different length compare;
 * channel_mix is the largest move, across channels, of a channel's share of contacts.
 * A trigger fires when its change reaches its threshold (>=). Pure: values come in.
 */

export interface MeasuredValue {
  value: number | null;
  n: number;
}

/** What the triggers read of one period on the contract's scope. */
export interface PeriodMeasures {
  period: string;
  /** Calendar days of the period. */
  days: number;
  /** Trigger metrics by id (contacts, containment, aht, ...). */
  metrics: Record<string, MeasuredValue>;
  /** Contacts per channel. */
  channels: Record<string, number>;
}

export interface ChannelShift {
  channel: string;
  referenceContacts: number;
  currentContacts: number;
  referenceShare: number;
  currentShare: number;
  /** currentShare - referenceShare. */
  change: number;
}

export interface TriggerResult {
  measure: string;
  mode: Trigger['mode'];
  /** The change that fires it: points of a share (0.10 = 10pp) or a relative change (0.25 = 25%). */
  threshold: number;
  /** The values compared (per day for contacts; the most-moved channel's shares for channel_mix). */
  reference: number | null;
  current: number | null;
  /** What reference and current are. */
  basis: string;
  /** |current - reference| (points) or that over |reference| (relative); null when not measurable or unbounded. */
  change: number | null;
  /** The reference is 0 and the current value is not: a relative change without bound (it fires). */
  unbounded?: boolean;
  fired: boolean;
  /** The comparison in words and numbers. */
  arithmetic: string;
  channels?: ChannelShift[];
}

/** Float noise must not stop a change of exactly the threshold from firing (10pp written, 0.1 measured). */
const EPSILON = 1e-12;

const thresholdText = (trigger: Trigger) =>
  trigger.mode === 'points' ? pp(trigger.change, 2) : pct(trigger.change, 2);

export function evaluateTriggers(
  triggers: readonly Trigger[],
  reference: PeriodMeasures,
  current: PeriodMeasures,
): TriggerResult[] {
  return triggers.map((trigger) =>
    trigger.measure === 'channel_mix'
      ? channelMixTrigger(trigger, reference, current)
      : metricTrigger(trigger, reference, current),
  );
}

/** The change of two values in a trigger's mode; `unbounded` when relative to a reference of 0. */
export function changeOf(
  mode: Trigger['mode'],
  reference: number,
  current: number,
): { change: number | null; unbounded: boolean } {
  const moved = Math.abs(current - reference);
  if (mode === 'points') return { change: moved, unbounded: false };
  if (reference === 0)
    return moved === 0 ? { change: 0, unbounded: false } : { change: null, unbounded: true };
  return { change: moved / Math.abs(reference), unbounded: false };
}

const fires = (change: number | null, unbounded: boolean, threshold: number) =>
  unbounded || (change !== null && change >= threshold - EPSILON);

function metricTrigger(trigger: Trigger, reference: PeriodMeasures, current: PeriodMeasures): TriggerResult {
  const perDay = trigger.measure === 'contacts';
  const measuredIn = (period: PeriodMeasures) => {
    const measured = period.metrics[trigger.measure];
    if (!measured || measured.value === null) return null;
    return perDay ? measured.value / period.days : measured.value;
  };
  const [ref, cur] = [measuredIn(reference), measuredIn(current)];
  const basis = perDay ? 'contacts per day' : trigger.measure;
  const base = {
    measure: trigger.measure,
    mode: trigger.mode,
    threshold: trigger.change,
    reference: ref,
    current: cur,
    basis,
  };
  if (ref === null || cur === null) {
    const missing = ref === null ? `reference ${reference.period}` : `current ${current.period}`;
    return {
      ...base,
      change: null,
      fired: false,
      arithmetic: `no ${trigger.measure} measured in the ${missing}`,
    };
  }
  const { change, unbounded } = changeOf(trigger.mode, ref, cur);
  const fired = fires(change, unbounded, trigger.change);
  const verdict = `${fired ? '>=' : '<'} ${thresholdText(trigger)}: ${fired ? 'fires' : 'does not fire'}`;
  const digits = perDay || Math.abs(ref) >= 10 ? 2 : 4;
  const days = perDay
    ? `${fixed(reference.metrics.contacts?.value ?? 0, 0)} / ${reference.days} days = ${fixed(ref, 2)} (reference), ` +
      `${fixed(current.metrics.contacts?.value ?? 0, 0)} / ${current.days} days = ${fixed(cur, 2)} (current); `
    : '';
  const difference = `|${fixed(cur, digits)} - ${fixed(ref, digits)}|`;
  const arithmetic =
    trigger.mode === 'points'
      ? `${days}${difference} = ${fixed(change, 4)} = ${pp(change)} ${verdict}`
      : unbounded
        ? `${days}the reference is 0 and the current value ${fixed(cur, digits)} is not: an unbounded relative change, fires`
        : `${days}${difference} / ${fixed(Math.abs(ref), digits)} = ${pct(change)} ${verdict}`;
  return { ...base, change, ...(unbounded ? { unbounded } : {}), fired, arithmetic };
}

/** Each channel's share of contacts in both periods and its move, largest move first. */
export function channelShifts(
  reference: Record<string, number>,
  current: Record<string, number>,
): ChannelShift[] {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  const [refTotal, curTotal] = [total(reference), total(current)];
  const channels = [...new Set([...Object.keys(reference), ...Object.keys(current)])].sort();
  return channels
    .map((channel) => {
      const referenceContacts = reference[channel] ?? 0;
      const currentContacts = current[channel] ?? 0;
      const referenceShare = refTotal === 0 ? 0 : referenceContacts / refTotal;
      const currentShare = curTotal === 0 ? 0 : currentContacts / curTotal;
      return {
        channel,
        referenceContacts,
        currentContacts,
        referenceShare,
        currentShare,
        change: currentShare - referenceShare,
      };
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.channel.localeCompare(b.channel));
}

function channelMixTrigger(
  trigger: Trigger,
  reference: PeriodMeasures,
  current: PeriodMeasures,
): TriggerResult {
  const shifts = channelShifts(reference.channels, current.channels);
  const [largest] = shifts;
  const base = {
    measure: trigger.measure,
    mode: trigger.mode,
    threshold: trigger.change,
    channels: shifts,
  };
  const empty = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);
  if (!largest || empty(reference.channels) || empty(current.channels)) {
    return {
      ...base,
      reference: null,
      current: null,
      basis: 'share of contacts of the channel that moved most',
      change: null,
      fired: false,
      arithmetic: `no contacts in the ${empty(reference.channels) ? `reference ${reference.period}` : `current ${current.period}`}`,
    };
  }
  const { change, unbounded } = changeOf(trigger.mode, largest.referenceShare, largest.currentShare);
  const fired = fires(change, unbounded, trigger.change);
  const verdict = `${fired ? '>=' : '<'} ${thresholdText(trigger)}: ${fired ? 'fires' : 'does not fire'}`;
  const moved =
    trigger.mode === 'points'
      ? `|${fixed(largest.currentShare)} - ${fixed(largest.referenceShare)}| = ${pp(change)}`
      : unbounded
        ? 'from a share of 0: an unbounded relative change'
        : `|${fixed(largest.currentShare)} - ${fixed(largest.referenceShare)}| / ${fixed(largest.referenceShare)} = ${pct(change)}`;
  return {
    ...base,
    reference: largest.referenceShare,
    current: largest.currentShare,
    basis: `share of contacts on ${largest.channel} (the channel that moved most)`,
    change,
    ...(unbounded ? { unbounded } : {}),
    fired,
    arithmetic: `largest move: ${largest.channel} ${pct(largest.referenceShare)} -> ${pct(largest.currentShare)}, ${moved} ${verdict}`,
  };
}
