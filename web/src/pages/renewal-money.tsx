import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { MoneyPeriod, Scorecard } from '../../../src/core/renewal/types';
import { colorAt } from '../charts/palette';
import { EChart } from '../components/echart';
import { formatCount, formatMoney } from '../lib/format';
import { fixed, formatChange, formatPercent, formatValue } from './renewal-format';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** The scorecard's money sections: the invoice of each settlement period, then cost against value per contact. */

/** The invoice amounts of a settlement period (and of the term so far), in the table's order: heading and field. */
const MONEY_COLUMNS = [
  ['renewal.baseFee', 'baseFee'],
  ['renewal.atRisk', 'atRisk'],
  ['renewal.bonuses', 'bonuses'],
  ['renewal.penalties', 'penalties'],
  ['renewal.caps', 'caps'],
  ['renewal.adjustments', 'adjustments'],
  ['renewal.total', 'total'],
] as const;

function MoneyCells({
  amounts,
  currency,
}: {
  amounts: Pick<MoneyPeriod, (typeof MONEY_COLUMNS)[number][1]>;
  currency: string;
}) {
  const t = useT();
  return (
    <>
      {MONEY_COLUMNS.map(([label, field]) => (
        <td key={label} data-label={t(label)} className="num">
          {formatMoney(amounts[field], currency)}
        </td>
      ))}
    </>
  );
}

export function MoneySection({ card }: { card: Scorecard }) {
  const { money } = card;
  const c = money.currency;
  const term = money.term;
  const t = useT();
  return (
    <section className="section" aria-labelledby="renewal-money-title">
      <h2 id="renewal-money-title">{t('renewal.money')}</h2>
      <p className="muted">
        {t('renewal.moneyIntro')}{' '}
        <strong data-testid="renewal-withheld-share">{formatPercent(term.withheldShare)}</strong>{' '}
        {t('renewal.ofAtRisk')}
      </p>
      <div className="table-wrap">
        <table className="stack compact" data-testid="renewal-money">
          <caption>{t('renewal.moneyCaption', { currency: c })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.period')}</th>
              <th scope="col">{t('renewal.kind')}</th>
              {MONEY_COLUMNS.map(([label]) => (
                <th scope="col" className="num" key={label}>
                  {t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {money.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label={t('renewal.kind')}>
                  {t('settlement.kind', { kind: p.kind })} (v{p.versions.join(', v')})
                </td>
                <MoneyCells amounts={p} currency={c} />
              </tr>
            ))}
            <tr className="row-total">
              <th scope="row">{t('renewal.termSoFar')}</th>
              <td data-label={t('renewal.kind')} />
              <MoneyCells amounts={term} currency={c} />
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
  const t = useT();
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
          name: t('renewal.costPerContact'),
          color: colorAt(1),
          lineStyle: { type: 'dashed' },
          data: value.periods.map((p) => round(p.costPerContact)),
        },
        {
          type: 'line',
          name: t('renewal.valuePerContact'),
          color: colorAt(2),
          data: value.periods.map((p) => round(p.valuePerContact)),
        },
      ],
    };
  }, [value, c, t]);
  const label = t('renewal.valueChart', {
    list: value.periods
      .map((p) => t('renewal.valuePoint', { quarter: p.display, cost: money(p.costPerContact), value: money(p.valuePerContact) }))
      .join('; '),
  });
  return (
    <section className="section" aria-labelledby="renewal-value-title">
      <h2 id="renewal-value-title">{t('renewal.valueTitle')}</h2>
      <p>
        {t('renewal.costMoved')}{' '}
        <strong data-testid="renewal-cost-change">{formatChange(value.costChange)}</strong>{' '}
        {t('renewal.valueMoved')}{' '}
        <strong data-testid="renewal-value-change">{formatChange(value.valueChange)}</strong>.
      </p>
      <EChart option={option} label={label} height={240} testId="renewal-value-chart" />
      <div className="table-wrap">
        <table className="stack compact">
          <caption>{t('renewal.valueCaption', { currency: c })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('renewal.quarter')}</th>
              <th scope="col" className="num">
                {t('renewal.contacts')}
              </th>
              <th scope="col" className="num">
                {t('renewal.costCol')}
              </th>
              <th scope="col" className="num">
                {t('renewal.valueCol')}
              </th>
              <th scope="col" className="num">
                {t('renewal.ratio')}
              </th>
            </tr>
          </thead>
          <tbody>
            {value.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label={t('renewal.contacts')} className="num">
                  {formatCount(p.contacts)}
                </td>
                <td data-label={t('renewal.costCol')} className="num">
                  {money(p.costPerContact)}
                </td>
                <td data-label={t('renewal.valueCol')} className="num">
                  {money(p.valuePerContact)}
                </td>
                <td data-label={t('renewal.ratio')} className="num">
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
