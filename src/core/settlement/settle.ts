import { outcomeScope } from '../contract/outcome-scope.js';
import { attainment, evaluatePayout, percent } from '../contract/payout.js';
import type { Contract, Outcome, Portfolio } from '../contract/types.js';
import { metricInfo } from '../metric/catalog.js';
import { Money, toDecimal } from '../money/money.js';
import type {
  BaseFeeLine,
  CapLine,
  LineScope,
  Measurement,
  OutcomeLine,
  Settlement,
  SettlementInput,
} from './types.js';

/**
 * One period's settlement of one contract version (contract-format.md): base fee, each
 * outcome's adjustment, then the caps, every line rounded on its own and carrying its
 * trace; the total is the sum of the rounded lines. Pure: measurements come in.
 */
export function settle(input: SettlementInput): Settlement {
  const { contract, period, part } = input;
  const { currency } = contract;
  const { rounding, atRisk, bonusCap, base } = contract.pricing;
  const scope = (portfolio?: Portfolio, metric?: string): LineScope => {
    const info = metric ? metricInfo(metric) : undefined;
    const workflows = portfolio ? portfolio.workflows : contract.workflows;
    return {
      vendor: contract.vendor,
      ...(portfolio ? { portfolio: portfolio.id } : {}),
      workflows: info ? outcomeScope(info, contract.vendor, workflows).workflows : workflows,
      period,
      ...(part ? { part } : {}),
    };
  };

  const units = toDecimal(input.baseUnits);
  if (units.lessThan(0)) throw new RangeError(`baseUnits cannot be negative: ${input.baseUnits}`);
  const baseExact = Money.parse(base.rate, currency).times(units);
  const baseFee = baseExact.round(rounding);
  const baseLine: BaseFeeLine = {
    kind: 'base_fee',
    id: 'base-fee',
    label: `Base fee: ${units.toFixed()} ${UNIT_WORDS[base.unit]} x ${base.rate}`,
    amount: baseFee.toFixed(),
    exact: baseExact.toFixed(),
    trace: {
      scope: scope(),
      unit: base.unit,
      units: units.toFixed(),
      rate: base.rate,
      rule: `rate ${base.rate} x ${units.toFixed()} ${UNIT_WORDS[base.unit]} (${UNIT_RULES[base.unit]}), rounded ${rounding}`,
    },
  };

  const atRiskAmount = baseFee.times(atRisk);
  const outcomeLines: OutcomeLine[] = contract.portfolios.flatMap((portfolio) =>
    portfolio.outcomes.map((outcome) => {
      const result = measurementOf(input, portfolio, outcome);
      return outcomeLine(
        contract,
        portfolio,
        outcome,
        result,
        atRiskAmount,
        scope(portfolio, outcome.metric),
      );
    }),
  );

  const sum = (amounts: Money[]) => Money.sum(currency, amounts);
  const amounts = outcomeLines.map((line) => Money.parse(line.amount, currency));
  const bonuses = sum(amounts.filter((amount) => amount.isPositive()));
  const penalties = sum(amounts.filter((amount) => amount.isNegative()));
  const bonusLimit = baseFee.times(bonusCap).round(rounding);
  const penaltyLimit = atRiskAmount.round(rounding);
  const caps: CapLine[] = [];
  if (bonuses.compare(bonusLimit) > 0) {
    const cut = bonusLimit.minus(bonuses);
    caps.push(
      capLine(
        'bonus_cap',
        'bonus-cap',
        'Bonus cap',
        cut,
        bonuses,
        bonusLimit,
        scope(),
        `bonuses ${bonuses.toFixed()} exceed the cap ${percent(bonusCap)} of the base fee (${bonusLimit.toFixed()}): ${cut.toFixed()} is cut`,
      ),
    );
  }
  if (penalties.negated().compare(penaltyLimit) > 0) {
    const cut = penalties.negated().minus(penaltyLimit);
    caps.push(
      capLine(
        'penalty_cap',
        'penalty-cap',
        'Penalty cap',
        cut,
        penalties,
        penaltyLimit.negated(),
        scope(),
        `penalties ${penalties.toFixed()} exceed the at-risk amount (${penaltyLimit.toFixed()}): ${cut.toFixed()} is given back`,
      ),
    );
  }

  const lines = [baseLine, ...outcomeLines, ...caps];
  const total = sum(lines.map((line) => Money.parse(line.amount, currency)));
  const dates = input.measurements.map((m) => m.result.maturesOn).filter((d): d is string => d !== null);
  return {
    contract: contract.name,
    version: contract.version,
    period,
    ...(part ? { part } : {}),
    currency,
    rounding,
    provisional: outcomeLines.some((line) => !line.trace.matured),
    maturesOn: latestDate(dates),
    baseFee: baseFee.toFixed(),
    atRisk: atRiskAmount.toFixed(),
    bonusLimit: bonusLimit.toFixed(),
    penaltyLimit: penaltyLimit.toFixed(),
    lines,
    total: total.toFixed(),
  };
}

const UNIT_WORDS = {
  handled_contact: 'handled contacts',
  resolved_contact: 'resolved contacts',
  fte_month: 'FTE-months',
  fixed_month: 'months',
} as const;

const UNIT_RULES = {
  handled_contact: 'contacts not abandoned whose path is human or bot_to_human',
  resolved_contact: 'handled contacts with resolved',
  fte_month: "scheduled work hours of the vendor's agents / hours per FTE-month",
  fixed_month: 'calendar months',
} as const;

function measurementOf(input: SettlementInput, portfolio: Portfolio, outcome: Outcome): Measurement {
  const found = input.measurements.find((m) => m.portfolio === portfolio.id && m.metric === outcome.metric);
  if (!found)
    throw new Error(`no measurement of ${outcome.metric} for portfolio ${portfolio.id} in ${input.period}`);
  return found.result;
}

function outcomeLine(
  contract: Contract,
  portfolio: Portfolio,
  outcome: Outcome,
  result: Measurement,
  atRiskAmount: Money,
  scope: LineScope,
): OutcomeLine {
  const { rounding } = contract.pricing;
  const allocation = atRiskAmount.times(portfolio.weight).times(outcome.weight);
  const insufficient = result.value === null || result.n < portfolio.minSample;
  const evaluation =
    result.value === null || insufficient
      ? undefined
      : evaluatePayout(outcome.payout, outcome.direction, result.value);
  const exact = evaluation ? allocation.times(evaluation.exact) : allocation.times(0);
  const amount = exact.round(rounding);
  const baseline = 'value' in outcome.baseline ? outcome.baseline.value : (result.baseline ?? null);
  const info = metricInfo(outcome.metric);
  const pool = contract.pricing.allocationPool;
  // A pool over 100% raises every allocation; the penalty cap still holds penalties to the at-risk amount.
  const pooled = pool === undefined ? '' : ` (portfolio weights sum to the allocationPool ${percent(pool)})`;
  const share = `at-risk ${percent(contract.pricing.atRisk)} of the base fee x portfolio ${percent(portfolio.weight)} x outcome ${percent(outcome.weight)} = ${allocation.toFixed()}${pooled}`;
  const rule = evaluation
    ? `adjustment = allocation x pay = ${allocation.toFixed()} x ${percent(evaluation.pay)}, rounded ${rounding}; allocation = ${share}; pay: ${evaluation.rule}`
    : `insufficient data: ${result.value === null ? 'no value' : `n = ${result.n} is below minSample ${portfolio.minSample}`}, pays 0; allocation = ${share}`;
  return {
    kind: 'outcome',
    id: `outcome:${portfolio.id}/${outcome.metric}`,
    label: `${portfolio.displayName ?? portfolio.id}: ${outcome.displayName ?? info?.label.singular ?? outcome.metric}${insufficient ? ' (insufficient data)' : ''}`,
    amount: amount.toFixed(),
    exact: exact.toFixed(),
    portfolio: portfolio.id,
    metric: outcome.metric,
    trace: {
      metric: outcome.metric,
      scope,
      direction: outcome.direction,
      value: result.value,
      n: result.n,
      low: result.low,
      high: result.high,
      matured: result.matured,
      maturesOn: result.maturesOn,
      minSample: portfolio.minSample,
      insufficient,
      allocation: allocation.toFixed(),
      portfolioWeight: portfolio.weight,
      outcomeWeight: outcome.weight,
      points: evaluation?.points ?? [],
      pay: evaluation?.pay ?? 0,
      baseline,
      target: outcome.target,
      attainment:
        result.value === null || baseline === null
          ? null
          : attainment(result.value, baseline, outcome.target, outcome.direction),
      rule,
    },
  };
}

function capLine(
  kind: CapLine['kind'],
  id: string,
  label: string,
  cut: Money,
  total: Money,
  limit: Money,
  scope: LineScope,
  rule: string,
): CapLine {
  return {
    kind,
    id,
    label,
    amount: cut.toFixed(),
    exact: cut.toFixed(),
    trace: { scope, total: total.toFixed(), limit: limit.toFixed(), rule },
  };
}

/** The latest of YYYY-MM-DD dates (they order as text), or null. */
export const latestDate = (dates: readonly string[]): string | null => [...dates].sort().at(-1) ?? null;
