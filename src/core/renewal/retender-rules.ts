import { Dec } from '../money/money.js';
import { formatCount, formatMoney, formatPercent, formatValue } from './format.js';
import { evidentMiss } from './model.js';
import {
  counted,
  isAccess,
  list,
  metricFact,
  moved,
  outcomeFact,
  outcomeLine,
  type RenewalRule,
  worse,
} from './rule-kit.js';

/** The rules that push to re-tender: stalled outcomes with money withheld, outcomes worse, a material breach, QA calibration. */

export const stalledAndWithheld: RenewalRule = {
  id: 'retender.stalled-and-withheld',
  recommendation: 're_tender',
  condition:
    'no more than {renewMovedShare} of the outcomes with data moved over the term so far, and the money withheld ' +
    '(outcome adjustments net of bonuses and caps) is at least {retenderWithheldShare} of the amount at risk',
  template:
    '{moved} of {counted} outcomes moved (p < 0.05) over {term}, while {withheld} was withheld: ' +
    '{share} of the {atRisk} at risk (the rule re-tenders at {limit} or more).',
  evaluate(card, s) {
    const n = counted(card).length;
    const m = moved(card).length;
    const { withheldShare, adjustments, atRisk } = card.money.term;
    if (n > 0 && m / n > s.renewMovedShare) return [];
    if (withheldShare === null || withheldShare < s.retenderWithheldShare) return [];
    const currency = card.money.currency;
    const withheld = new Dec(adjustments).neg().toNumber();
    const scope = { vendor: card.contract.vendor, workflows: card.contract.workflows };
    const withheldText = formatMoney(withheld, currency);
    const atRiskText = formatMoney(atRisk, currency);
    return [
      {
        values: {
          moved: m,
          counted: n,
          term: card.termSoFar.display,
          withheld: withheldText,
          share: formatPercent(withheldShare),
          atRisk: atRiskText,
          limit: formatPercent(s.retenderWithheldShare),
        },
        facts: [
          {
            source: 'settlement',
            metric: 'withheld',
            period: card.termSoFar.period,
            scope,
            value: withheld,
            text: withheldText,
          },
          {
            source: 'settlement',
            metric: 'at_risk',
            period: card.termSoFar.period,
            scope,
            value: new Dec(atRisk).toNumber(),
            text: atRiskText,
          },
        ],
      },
    ];
  },
};

export const outcomesWorse: RenewalRule = {
  id: 'retender.outcomes-worse',
  recommendation: 're_tender',
  condition:
    'at least {retenderWorseOutcomes} outcomes are worse than their baseline with p < 0.05 over the term so far',
  template: '{count} outcomes got worse than their baseline over {term}: {list}.',
  evaluate(card, s) {
    const bad = worse(card);
    if (bad.length < s.retenderWorseOutcomes) return [];
    return [
      {
        values: { count: bad.length, term: card.termSoFar.display, list: list(bad.map(outcomeLine)) },
        facts: bad.map((o) => outcomeFact(card, o)),
      },
    ];
  },
};

export const accessBreach: RenewalRule = {
  id: 'retender.access-breach',
  recommendation: 're_tender',
  condition:
    'access compliance is under {accessBreachFloor} in any period of the term so far, with the whole 95% interval under it ' +
    '(a material breach; the contract requires every login to comply with security.access)',
  template:
    'access compliance was {list}: under the {floor} floor of a material breach (the contract requires every login to use MFA, a compliant device and an allowed country).',
  evaluate(card, s) {
    const row = card.operations.find(isAccess);
    if (!row) return [];
    const breached = row.periods.filter((p) => evidentMiss(p, s.accessBreachFloor, 'higher'));
    if (breached.length === 0) return [];
    return [
      {
        values: {
          list: list(
            breached.map(
              (p) =>
                `${formatValue(p.value, row.unit)} in ${p.display} (95% interval ${formatValue(p.low, row.unit)}–${formatValue(
                  p.high,
                  row.unit,
                )}, n = ${formatCount(p.n)} logins)`,
            ),
          ),
          floor: formatPercent(s.accessBreachFloor),
        },
        facts: breached.map((p) => metricFact(card, row, p)),
      },
    ];
  },
};

export const calibration: RenewalRule = {
  id: 'retender.calibration',
  recommendation: 're_tender',
  condition:
    'QA calibration alpha over the term so far is below remoteOperations.qaCalibration.minAlpha, and so is the upper end of its 95% interval',
  template:
    "QA calibration alpha over {term} is {value} (95% interval {low}–{high}, n = {n} pairable scores), below the contract's minimum {threshold}: " +
    'QA reviewers across sites do not score alike, so the quality scores cannot be relied on.',
  evaluate(card) {
    const row = card.operations.find((r) => r.metric === 'qa_alpha');
    if (!row || row.threshold === null || !evidentMiss(row.term, row.threshold, 'higher')) return [];
    const t = row.term;
    return [
      {
        values: {
          term: card.termSoFar.display,
          value: formatValue(t.value, row.unit),
          low: formatValue(t.low, row.unit),
          high: formatValue(t.high, row.unit),
          n: formatCount(t.n),
          threshold: formatValue(row.threshold, row.unit),
        },
        facts: [metricFact(card, row, t)],
      },
    ];
  },
};
