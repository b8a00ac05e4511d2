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
import { barChart, lineChart } from './svg-charts.js';
import type { Scorecard } from './types.js';

/** The scorecard document's money pages: invoices by settlement period, then cost against value per contact. */

export function moneySection(card: Scorecard): string {
  const { money } = card;
  const c = money.currency;
  const m = (x: string) => esc(formatAmount(x));
  const chart = barChart(
    money.periods.map((p) => ({
      label: p.display,
      bars: [
        { value: new Dec(p.bonuses).toNumber(), label: 'bonuses', className: 'good' as const },
        { value: new Dec(p.penalties).toNumber(), label: 'penalties', className: 'bad' as const },
        { value: new Dec(p.caps).toNumber(), label: 'caps', className: 'neutral' as const },
      ],
    })),
    {
      format: (x) => formatMoney(x, c).replace(`${c} `, ''),
      title: 'Outcome adjustments by settlement period',
    },
  );
  const row = (p: (typeof money.periods)[number]) =>
    `<tr><td>${esc(p.display)}</td><td>${esc(p.kind)}${p.versions.length > 1 ? ` (v${p.versions.join(', v')})` : ` v${p.versions[0] ?? ''}`}</td><td class="num">${m(
      p.baseFee,
    )}</td><td class="num">${m(p.atRisk)}</td><td class="num">${m(p.bonuses)}</td><td class="num">${m(p.penalties)}</td><td class="num">${m(
      p.caps,
    )}</td><td class="num">${m(p.adjustments)}</td><td class="num">${m(p.total)}</td></tr>`;
  const t = money.term;
  return `<section id="money" class="page">
<h2>Money paid and withheld</h2>
<p>The invoice of each settlement period, computed with the versions in force (not stored): bonuses (green), penalties (red) and the caps that cut them, in ${esc(c)}.</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>Period</th><th>Kind</th><th class="num">Base fee (${esc(c)})</th><th class="num">At risk</th><th class="num">Bonuses</th><th class="num">Penalties</th><th class="num">Caps</th><th class="num">Adjustments</th><th class="num">Invoice total</th></tr></thead>
<tbody>${money.periods.map(row).join('')}
<tr class="total"><td>Term so far</td><td></td><td class="num">${m(t.baseFee)}</td><td class="num">${m(t.atRisk)}</td><td class="num">${m(t.bonuses)}</td><td class="num">${m(
    t.penalties,
  )}</td><td class="num">${m(t.caps)}</td><td class="num">${m(t.adjustments)}</td><td class="num">${m(t.total)}</td></tr></tbody>
</table>
<p class="small">Withheld, net of bonuses and caps: ${esc(formatPercent(t.withheldShare))} of the amount at risk. A provisional period has an outcome that matures later (fcr, retention_90d); its final settlement may differ.</p>
</section>`;
}

export function valueSection(card: Scorecard): string {
  const { value } = card;
  const c = card.contract.currency;
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const chart = lineChart(
    value.periods.map((p) => p.display),
    [
      {
        label: 'cost per contact',
        values: value.periods.map((p) => p.costPerContact),
        colour: '#8b1212',
        dashed: true,
      },
      { label: 'value per contact', values: value.periods.map((p) => p.valuePerContact), colour: '#14532d' },
    ],
    {
      format: (x) => money(x).replace(`${c} `, ''),
      title: 'Cost per contact and value per contact by quarter',
    },
  );
  return `<section id="value" class="page">
<h2>Cost per contact against value per contact</h2>
<p>Cost per contact: ${quoteDefinition('cost_per_contact')} (bot-only contacts included, not billed). Value per contact: ${quoteDefinition('value_per_contact')}. In the value era, cost per contact may rise while value per contact rises faster.</p>
<div class="chart">${chart}</div>
<table>
<thead><tr><th>Quarter</th><th class="num">Contacts</th><th class="num">Cost per contact</th><th class="num">Value per contact</th><th class="num">Value / cost</th></tr></thead>
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
<tr class="total"><td>First to latest quarter</td><td></td><td class="num">${esc(formatChange(value.costChange))}</td><td class="num">${esc(
    formatChange(value.valueChange),
  )}</td><td></td></tr></tbody>
</table>
</section>`;
}
