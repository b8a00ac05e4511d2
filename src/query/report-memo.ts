import type { Scope } from '../core/metric/scope.js';
import type { Store } from '../store/store.js';
import type { ResolvedRequest } from './resolve-requests.js';
import type { Measured } from './run-metrics.js';

/**
 * Measurements kept for one report only (renewal/memo-store.ts registers its read-through
 * store here): a report that measured the term and its quarters in one scan answers the
 * invoices' and value metrics' later asks for one quarter from memory. A long-lived store
 * is never registered, so nothing outlives the report or an import; a write through the
 * report's store clears it.
 */
const memos = new WeakMap<Store, Map<string, Promise<Measured[]>>>();

const inners = new WeakMap<Store, Store>();

/** `inner`: the store the report's store reads through, where persisted measurements are written (a write through the report's store would clear it). */
export function keepMeasurements(store: Store, inner?: Store): Map<string, Promise<Measured[]>> {
  const memo = new Map<string, Promise<Measured[]>>();
  memos.set(store, memo);
  if (inner) inners.set(store, inner);
  return memo;
}

/** The store a report's store reads through, or the store itself. */
export const underlyingStore = (store: Store): Store => inners.get(store) ?? store;

export const reportMeasurements = (store: Store) => memos.get(store);

/** What a measurement depends on: the metrics with their parameters, the whole scope, intervals or not. */
export const measureKey = (requests: ResolvedRequest[], scope: Scope, intervals: boolean): string =>
  JSON.stringify({
    metrics: requests.map((r) => [r.info.id, r.params]),
    scope,
    intervals,
  });
