import { minorUnit } from '../money/index.js';
import { breakableId, documentHtml, esc } from '../renewal/html-kit.js';
import { type ExportedSettlement, invoiceRows, traceRows } from './settlement-rows.js';

/**
 * The settlement as a printable document (the PDF finance files): the invoice, then each
 * line's trace. The page footer (contract, period, page n of m) is added by the PDF printer.
 */

const number = (value: number | null, digits = 4) =>
  value === null ? '' : new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value);

export function moneyText(amount: string, currency: string): string {
  const digits = minorUnit(currency);
  const formatted = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(amount));
  return `${formatted} ${currency}`;
}

export function settlementHtml(report: ExportedSettlement): string {
  const { currency, total } = report.invoice;
  const split = report.parts.length > 1;
  const lines = invoiceRows(report)
    .map(
      (row) => `<tr>${split ? `<td>${esc(row.part)}</td>` : ''}<td class="id">${breakableId(row.id)}</td>
<td>${esc(row.label)}</td><td class="num${Number(row.amount) < 0 ? ' neg' : ''}">${esc(moneyText(row.amount, currency))}</td></tr>`,
    )
    .join('\n');
  const traces = traceRows(report)
    .filter((row) => row.metric !== '')
    .map(
      (row) => `<tr><td class="id">${breakableId(row.id)}</td><td>${esc(row.scope)}</td>
<td class="num">${row.insufficient ? 'insufficient' : esc(number(row.value))}</td><td class="num">${esc(number(row.n, 0))}</td>
<td class="num">${esc(`${number(row.low)} – ${number(row.high)}`)}</td><td class="num">${esc(number(row.target))}</td>
<td>${esc(row.points)}</td><td class="num">${esc(row.pay === null ? '' : `${(row.pay * 100).toFixed(1)}%`)}</td></tr>`,
    )
    .join('\n');
  const provisional = report.invoice.provisional
    ? `<div class="panel warn"><strong>Provisional.</strong> Some outcomes have not matured; the final settlement and its true-up follow after ${esc(report.invoice.maturesOn ?? 'maturity')}.</div>`
    : '';
  const body = `
<p class="eyebrow">Settlement</p>
<h1>${esc(report.contract)} · ${esc(report.period)}</h1>
<div class="meta"><span>${esc(report.kind)}</span><span>settlement ${esc(report.settlementId ?? '(not stored)')}</span><span>currency ${esc(currency)}</span></div>
${provisional}
<section>
<h2>Invoice</h2>
<table><thead><tr>${split ? '<th>part</th>' : ''}<th>line</th><th>label</th><th class="num">amount</th></tr></thead>
<tbody>
${lines}
<tr class="total">${split ? '<td></td>' : ''}<td></td><td>Total</td><td class="num">${esc(moneyText(total, currency))}</td></tr>
</tbody></table>
</section>
<section>
<h2>Trace of the outcome lines</h2>
<p class="small">Each outcome's measured value with its sample size n and 95% interval, the target, the payout curve's points (value → pay as a fraction of the outcome's allocation) and the pay that results.</p>
<table><thead><tr><th>line</th><th>scope</th><th class="num">value</th><th class="num">n</th><th class="num">95% interval</th><th class="num">target</th><th>curve points</th><th class="num">pay</th></tr></thead>
<tbody>
${traces}
</tbody></table>
</section>`;
  return documentHtml(
    `Settlement ${report.contract} ${report.period}`,
    body,
    '',
    `Settlement · ${report.contract} · ${report.period} (${report.kind})`,
  );
}
