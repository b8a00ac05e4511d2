import { formatDate, formatMoney, formatNumber, type Language, translator } from '../i18n/index.js';
import { breakableId, documentHtml, esc } from '../renewal/html-kit.js';
import { mechanicsRows } from './settlement-mechanics.js';
import { type ExportedSettlement, invoiceRows, traceRows } from './settlement-rows.js';

/** Pool, earn-back, chronic failure, improvement: only when the contract has any (docs/contracts.md). */
function mechanicsSection(report: ExportedSettlement, t: ReturnType<typeof translator>): string {
  const rows = mechanicsRows(report);
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.topic)}</td><td>${esc(r.item)}</td><td class="small">${esc(r.detail)}</td></tr>`,
    )
    .join('\n');
  return `
<section>
<h2>${esc(t('settlement.mechanics'))}</h2>
<p class="small">${esc(t('settlement.mechanicsIntro'))}</p>
<table><thead><tr><th>${esc(t('settlement.mechanic'))}</th><th>${esc(t('settlement.item'))}</th><th>${esc(t('settlement.detail'))}</th></tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
}

/**
 * The settlement as a printable document (the PDF finance files) in the reader's language:
 * the invoice, then each line's trace; numbers, money and dates in the language's locale.
 * The page footer (contract, period, page n of m) is printed by the PDF printer.
 */
export function settlementHtml(report: ExportedSettlement, language: Language = 'en'): string {
  const t = translator(language);
  const { currency, total } = report.invoice;
  const money = (amount: string) => formatMoney(amount, currency, language);
  const number = (value: number | null, digits = 4) =>
    value === null ? '' : formatNumber(value, language, digits);
  const kind = t('settlement.kind', { kind: report.kind });
  const split = report.parts.length > 1;
  const lines = invoiceRows(report)
    .map(
      (row) => `<tr>${split ? `<td>${esc(row.part)}</td>` : ''}<td class="id">${breakableId(row.id)}</td>
<td>${esc(row.label)}</td><td class="num${Number(row.amount) < 0 ? ' neg' : ''}">${esc(money(row.amount))}</td></tr>`,
    )
    .join('\n');
  const traces = traceRows(report)
    .filter((row) => row.metric !== '')
    .map(
      (row) => `<tr><td class="id">${breakableId(row.id)}</td><td>${esc(row.scope)}</td>
<td class="num">${row.insufficient ? esc(t('settlement.insufficient')) : esc(number(row.value))}</td><td class="num">${esc(number(row.n, 0))}</td>
<td class="num">${esc(`${number(row.low)} – ${number(row.high)}`)}</td><td class="num">${esc(number(row.target))}</td>
<td>${esc(row.points)}</td><td class="num">${esc(row.pay === null ? '' : number(row.pay * 100, 1))}${row.pay === null ? '' : '%'}</td></tr>`,
    )
    .join('\n');
  const maturesOn = report.invoice.maturesOn;
  const provisional = report.invoice.provisional
    ? `<div class="panel warn">${esc(t('settlement.provisional', { date: maturesOn ? formatDate(maturesOn, language) : '' }))}</div>`
    : '';
  const id = report.settlementId ?? t('settlement.notStored');
  const th = (key: Parameters<typeof t>[0], num = false) =>
    `<th${num ? ' class="num"' : ''}>${esc(t(key))}</th>`;
  const body = `
<p class="eyebrow">${esc(t('settlement.eyebrow'))}</p>
<h1>${esc(report.contract)} · ${esc(report.period)}</h1>
<div class="meta"><span>${esc(kind)}</span><span>${esc(t('settlement.id', { id }))}</span><span>${esc(t('settlement.currency', { code: currency }))}</span><span>${esc(t('settlement.lines', { count: invoiceRows(report).length }))}</span></div>
${provisional}
<section>
<h2>${esc(t('settlement.invoice'))}</h2>
<table><thead><tr>${split ? th('settlement.part') : ''}${th('settlement.line')}${th('settlement.label')}${th('settlement.amount', true)}</tr></thead>
<tbody>
${lines}
<tr class="total">${split ? '<td></td>' : ''}<td></td><td>${esc(t('settlement.total'))}</td><td class="num">${esc(money(total))}</td></tr>
</tbody></table>
</section>
<section>
<h2>${esc(t('settlement.trace'))}</h2>
<p class="small">${esc(t('settlement.traceIntro'))}</p>
<table><thead><tr>${th('settlement.line')}${th('settlement.scope')}${th('settlement.value', true)}<th class="num">n</th>${th('settlement.interval', true)}${th('settlement.target', true)}${th('settlement.points')}${th('settlement.pay', true)}</tr></thead>
<tbody>
${traces}
</tbody></table>
</section>${mechanicsSection(report, t)}`;
  return documentHtml(
    `${t('settlement.eyebrow')} ${report.contract} ${report.period}`,
    body,
    '',
    t('settlement.footer', { contract: report.contract, period: report.period, kind }),
    { lang: language, page: t('pdf.page'), of: t('pdf.of') },
  );
}
