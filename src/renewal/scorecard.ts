import { listVersions } from '../contracts/contract-store.js';
import { versionsInForce } from '../contracts/versions-in-force.js';
import { UserError } from '../core/issues.js';
import { moneySummary, periodsOf, termSoFar } from '../core/renewal/model.js';
import { DEFAULT_RULE_SETTINGS, recommend } from '../core/renewal/rules.js';
import type { RuleSettings, Scorecard, ScorecardData } from '../core/renewal/types.js';
import { localMidnight } from '../core/time/boundaries.js';
import { isDate } from '../core/time/calendar.js';
import { instantMs, localDateOf } from '../core/time/zone.js';
import { withMeasurementCache } from '../query/measurement-cache.js';
import type { Store } from '../store/store.js';
import { memoStore } from './memo-store.js';
import { evidence } from './scorecard-evidence.js';
import { mechanicsSummary } from './scorecard-mechanics.js';
import { settle, value } from './scorecard-money.js';
import { attritionBySite, operations } from './scorecard-operations.js';
import { outcomes } from './scorecard-outcomes.js';
import { prefetch } from './scorecard-prefetch.js';
import { recalibrations } from './scorecard-recalibrations.js';

/**
 * The renewal scorecard of a stored contract (docs/renewal.md), gathered through the
 * existing services: the metric engine per outcome and key measurement (term so far and
 * each quarter), the invoices of each settlement period computed and not stored, the value
 * metrics, and the recalibration proposals and versions; then the renewal rules.
 */

export interface ScorecardOptions {
  /** A date (the term so far ends the day before it) or an instant; default now. */
  asOf?: string;
  settings?: RuleSettings;
}

/** `--as-of`: a local date in the contract's zone (its midnight) or an instant. */
export function resolveAsOf(text: string | undefined, zone: string): { instant: string; date: string } {
  if (text === undefined) {
    const instant = new Date().toISOString();
    return { instant, date: localDateOf(instant, zone) };
  }
  if (isDate(text)) return { instant: localMidnight(text, zone), date: text };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UserError(`--as-of ${text}: not a calendar date`);
  const instant = new Date(instantMs(text)).toISOString();
  return { instant, date: localDateOf(instant, zone) };
}

async function scorecardOf(
  source: Store,
  tenant: string,
  contractId: string,
  options: ScorecardOptions = {},
): Promise<Scorecard> {
  // Quarters are measured for the outcomes and again for the invoices: each statement runs once.
  const store = memoStore(source);
  const versions = await listVersions(store, tenant, contractId);
  const latest = versions.at(-1);
  if (!latest) throw new UserError(`no contract ${contractId} (covenant contract apply FILE stores one)`);
  const asOf = resolveAsOf(options.asOf, latest.contract.timezone);
  const term = termSoFar(latest.contract.term, asOf.date);
  if (!term) {
    throw new UserError(
      `${contractId}: the term starts ${latest.contract.term.start}, after ${asOf.date}: nothing to score yet`,
    );
  }
  // The terms in force at the end of the term so far: the ones a renewal would carry on.
  const inForce = versionsInForce(versions, term.startDate, term.endDate).at(-1)?.version ?? latest;
  const contract = inForce.contract;
  const settings = options.settings ?? DEFAULT_RULE_SETTINGS;
  const quarters = periodsOf(term, 'quarter');
  const settlementPeriods = periodsOf(term, contract.settlement === 'monthly' ? 'month' : 'quarter');
  const ctx = { store, tenant, contract, asOf: asOf.instant, settings };

  await prefetch(ctx, contractId, [term, ...quarters, ...settlementPeriods], quarters);
  const settlements = await settle(ctx, contractId, settlementPeriods, versions);
  const data: ScorecardData = {
    kind: 'RenewalScorecard',
    contract: {
      id: contractId,
      displayName: contract.displayName ?? contractId,
      version: inForce.version,
      client: contract.client,
      vendor: contract.vendor,
      currency: contract.currency,
      term: contract.term,
      timezone: contract.timezone,
      settlement: contract.settlement,
      workflows: contract.workflows,
    },
    asOf: asOf.instant,
    termSoFar: term,
    quarters,
    outcomes: await outcomes(ctx, term, quarters, settlements),
    money: moneySummary(
      contract.currency,
      settlements.map((s) => s.money),
    ),
    value: await value(ctx, contractId, quarters),
    operations: await operations(ctx, term, quarters),
    attritionBySite: await attritionBySite(ctx, quarters),
    recalibrations: await recalibrations(ctx, contractId, versions, quarters),
    evidence: await evidence(ctx, contractId),
    ...mechanicsSummary(contract, settlements),
  };
  return { ...data, recommendation: recommend(data, settings) };
}

/** The renewal scorecard, its measurements read through the persisted ones (query/measurement-cache.ts). */
export const buildScorecard = (...args: Parameters<typeof scorecardOf>) =>
  withMeasurementCache(() => scorecardOf(...args));
