import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { MoneyPeriod, Scorecard } from '../../../src/core/renewal/types';
import { colorAt } from '../charts/palette';
import { EChart } from '../components/echart';
import { formatCount, formatMoney } from '../lib/format';
import { fixed, formatChange, formatPercent, formatValue } from './renewal-format';
import { TableDownloads } from '../components/table-downloads';

/** The scorecard's money sections: the invoice of each settlement period, then cost against value per contact. */

/** The invoice amounts of a settlement period (and of the term so far), in the table's order: heading and field. */
const MONEY_COLUMNS = [
  ['Base fee', 'baseFee'],
  ['At risk', 'atRisk'],
  ['Bonuses', 'bonuses'],
  ['Penalties', 'penalties'],
  ['Caps', 'caps'],
  ['Adjustments', 'adjustments'],
  ['Total', 'total'],
] as const;

function MoneyCells({
  amounts,
  currency,
}: {
  amounts: Pick<MoneyPeriod, (typeof MONEY_COLUMNS)[number][1]>;
  currency: string;
}) {
  return (
    <>
      {MONEY_COLUMNS.map(([label, field]) => (
        <td key={label} data-label={label} className="num">
          {formatMoney(amounts[field], currency)}
        </td>
      ))}
    </>
  );
}

export function MoneySection({ card }: { card: Scorecard }) {
  const { money } = card;
  const c = money.currency;
  const t = money.term;
  return (
    <section className="section" aria-labelledby="renewal-money-title">
      <h2 id="renewal-money-title">Money paid and withheld</h2>
      <p className="muted">
        The invoice of each settlement period, computed with the versions in force (not stored). Withheld, net
        of bonuses and caps:{' '}
        <strong data-testid="renewal-withheld-share">{formatPercent(t.withheldShare)}</strong> of the amount
        at risk.
      </p>
      <div className="table-wrap">
        <table className="stack compact" data-testid="renewal-money">
          <caption>Invoices by settlement period, {c}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Kind</th>
              {MONEY_COLUMNS.map(([label]) => (
                <th scope="col" className="num" key={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {money.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label="Kind">
                  {p.kind} (v{p.versions.join(', v')})
                </td>
                <MoneyCells amounts={p} currency={c} />
              </tr>
            ))}
            <tr className="row-total">
              <th scope="row">Term so far</th>
              <td data-label="Kind" />
              <MoneyCells amounts={t} currency={c} />
            </tr>
          </tbody>
        </table>
        <TableDownloads />
      </div>
    </section>
  );
}

export function ValueSection({ card }: { card: Scorecard }) {
  const { value } = card;
  const c = card.contract.currency;
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const option = useMemo((): EChartsOption => {
    const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
    return {
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: value.periods.map((p) => p.display) },
      yAxis: { type: 'value', name: c, nameTextStyle: { align: 'right' } },
      series: [
        {
          type: 'line',
          name: 'cost per contact',
          color: colorAt(1),
          lineStyle: { type: 'dashed' },
          data: value.periods.map((p) => round(p.costPerContact)),
        },
        {
          type: 'line',
          name: 'value per contact',
          color: colorAt(2),
          data: value.periods.map((p) => round(p.valuePerContact)),
        },
      ],
    };
  }, [value, c]);
  const label = `Cost and value per contact by quarter: ${value.periods
    .map((p) => `${p.display} cost ${money(p.costPerContact)}, value ${money(p.valuePerContact)}`)
    .join('; ')}`;
  return (
    <section className="section" aria-labelledby="renewal-value-title">
      <h2 id="renewal-value-title">Cost per contact against value per contact</h2>
      <p>
        From the first quarter to the latest, cost per contact moved{' '}
        <strong data-testid="renewal-cost-change">{formatChange(value.costChange)}</strong> and value per
        contact <strong data-testid="renewal-value-change">{formatChange(value.valueChange)}</strong>.
      </p>
      <EChart option={option} label={label} height={240} testId="renewal-value-chart" />
      <div className="table-wrap">
        <table className="stack compact">
          <caption>Cost and value per contact by quarter, {c}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                Contacts
              </th>
              <th scope="col" className="num">
                Cost per contact
              </th>
              <th scope="col" className="num">
                Value per contact
              </th>
              <th scope="col" className="num">
                Value / cost
              </th>
            </tr>
          </thead>
          <tbody>
            {value.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label="Contacts" className="num">
                  {formatCount(p.contacts)}
                </td>
                <td data-label="Cost per contact" className="num">
                  {money(p.costPerContact)}
                </td>
                <td data-label="Value per contact" className="num">
                  {money(p.valuePerContact)}
                </td>
                <td data-label="Value / cost" className="num">
                  {p.costPerContact && p.valuePerContact !== null
                    ? fixed(p.valuePerContact / p.costPerContact, 2)
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
    </section>
  );
}
