import { Dec } from '../money/money.js';
import {
  formatAmount,
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  formatValue,
} from './format.js';
import { quoteDefinition } from './html-definitions.js';
import { esc } from './html-kit.js';
import type { Words } from './html-words.js';
import { barChart, lineChart } from './svg-charts.js';
import type { Scorecard } from './types.js';

/** The scorecard document's money pages: invoices by settlement period, then cost against value per contact. */

export function moneySection(card: Scorecard, w: Words): string {
  const tr = w.t;
  const { money } = card;
  const c = money.currency;
  const m = (x: string) => esc(formatAmount(x));
  const chart = barChart(
    money.periods.map((p) => ({
      label: p.display,
      bars: [
        { value: new Dec(p.bonuses).toNumber(), label: tr('scorecard.bonuses'), className: 'good' as const },
        {
          value: new Dec(p.penalties).toNumber(),
          label: tr('scorecard.penalties'),
          className: 'bad' as const,
        },
        { value: new Dec(p.caps).toNumber(), label: tr('scorecard.caps'), className: 'neutral' as const },
      ],
    })),
    {
      format: (x) => formatMoney(x, c).replace(`${c} `, ''),
      title: tr('scorecard.adjustmentsChart'),
    },
  );
  const row = (p: (typeof money.periods)[number]) =>
    `<tr><td>${esc(p.display)}</td><td>${esc(tr('scorecard.kindValue', { kind: p.kind }))}${p.versions.length > 1 ? ` (v${p.versions.join(', v')})` : ` v${p.versions[0] ?? ''}`}</td><td class="num">${m(
      p.baseFee,
    )}</td><td class="num">${m(p.atRisk)}</td><td class="num">${m(p.bonuses)}</td><td class="num">${m(p.penalties)}</td><td class="num">${m(
      p.caps,
    )}</td><td class="num">${m(p.adjustments)}</td><td class="num">${m(p.total)}</td></tr>`;
  const t = money.term;
  return `<section id="money" class="page">
<h2>${esc(tr('scorecard.moneyTitle'))}</h2>
<p>${esc(tr('scorecard.moneyIntro', { currency: c }))}</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>${esc(tr('scorecard.period'))}</th><th>${esc(tr('scorecard.kind'))}</th><th class="num">${esc(tr('scorecard.baseFee', { currency: c }))}</th><th class="num">${esc(tr('scorecard.atRisk'))}</th><th class="num">${esc(tr('scorecard.bonusesCol'))}</th><th class="num">${esc(tr('scorecard.penaltiesCol'))}</th><th class="num">${esc(tr('scorecard.capsCol'))}</th><th class="num">${esc(tr('scorecard.adjustmentsCol'))}</th><th class="num">${esc(tr('scorecard.invoiceTotal'))}</th></tr></thead>
<tbody>${money.periods.map(row).join('')}
<tr class="total"><td>${esc(tr('scorecard.termSoFar'))}</td><td></td><td class="num">${m(t.baseFee)}</td><td class="num">${m(t.atRisk)}</td><td class="num">${m(t.bonuses)}</td><td class="num">${m(
    t.penalties,
  )}</td><td class="num">${m(t.caps)}</td><td class="num">${m(t.adjustments)}</td><td class="num">${m(t.total)}</td></tr></tbody>
</table>
<p class="small">${esc(tr('scorecard.moneyNote', { share: formatPercent(t.withheldShare) }))}</p>
</section>`;
}

export function valueSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const { value } = card;
  const c = card.contract.currency;
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const chart = lineChart(
    value.periods.map((p) => p.display),
    [
      {
        label: t('scorecard.costPerContact'),
        values: value.periods.map((p) => p.costPerContact),
        colour: '#8b1212',
        dashed: true,
      },
      {
        label: t('scorecard.valuePerContact'),
        values: value.periods.map((p) => p.valuePerContact),
        colour: '#14532d',
      },
    ],
    {
      format: (x) => money(x).replace(`${c} `, ''),
      title: t('scorecard.valueChart'),
    },
  );
  return `<section id="value" class="page">
<h2>${esc(t('scorecard.valueTitle'))}</h2>
<p>${esc(t('scorecard.costDefinition'))} ${quoteDefinition('cost_per_contact', w.language)} ${esc(t('scorecard.costDefinitionNote'))} ${esc(t('scorecard.valueDefinition'))} ${quoteDefinition('value_per_contact', w.language)}. ${esc(t('scorecard.valueEra'))}</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>${esc(t('scorecard.quarter'))}</th><th class="num">${esc(t('scorecard.contacts'))}</th><th class="num">${esc(t('scorecard.costCol'))}</th><th class="num">${esc(t('scorecard.valueCol'))}</th><th class="num">${esc(t('scorecard.ratio'))}</th></tr></thead>
<tbody>${value.periods
    .map(
      (p) =>
        `<tr><td>${esc(p.display)}</td><td class="num">${esc(formatCount(p.contacts))}</td><td class="num">${esc(money(p.costPerContact))}</td><td class="num">${esc(
          money(p.valuePerContact),
        )}</td><td class="num">${esc(
          p.costPerContact && p.valuePerContact !== null
            ? (p.valuePerContact / p.costPerContact).toFixed(2)
            : '–',
        )}</td></tr>`,
    )
    .join('')}
<tr class="total"><td>${esc(t('scorecard.firstToLatest'))}</td><td></td><td class="num">${esc(formatChange(value.costChange))}</td><td class="num">${esc(
    formatChange(value.valueChange),
  )}</td><td></td></tr></tbody>
</table>
</section>`;
}
