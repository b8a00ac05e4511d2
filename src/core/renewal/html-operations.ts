import { formatCount, formatPercent, formatValue } from './format.js';
import { breakableId, esc, tag } from './html-kit.js';
import type { MeasurementPeriod, MeasurementRow, Scorecard } from './types.js';

/** The scorecard document's remote operations and security page, with attrition by site. */

function measurementCell(row: MeasurementRow, p: MeasurementPeriod): string {
  const value = formatValue(p.value, row.unit, row.metric);
  const mark =
    p.status === 'missed'
      ? tag(p.evidentMiss ? 'missed' : 'below?', p.evidentMiss ? 'bad' : 'warn')
      : p.status === 'met'
        ? tag('met', 'good')
        : '';
  return `<td class="num">${esc(value)}${mark ? `<br>${mark}` : ''}<br><span class="small muted">n = ${esc(formatCount(p.n))}</span></td>`;
}

export function operationsSection(card: Scorecard): string {
  const quarters = card.quarters;
  const rows = (group: MeasurementRow['group']) =>
    card.operations
      .filter((r) => r.group === group)
      .map(
        (r) =>
          `<tr><td><b>${esc(r.label)}</b><br><span class="small muted id">${breakableId(r.source ?? `${r.metric}, no threshold`)}</span></td><td class="num">${
            r.threshold === null
              ? '–'
              : `${r.direction === 'lower' ? '≤' : '≥'} ${esc(formatValue(r.threshold, r.unit, r.metric))}`
          }</td>${r.periods.map((p) => measurementCell(r, p)).join('')}${measurementCell(r, r.term)}</tr>`,
      )
      .join('');
  const head = `<thead><tr><th>Measurement</th><th class="num">Contract</th>${quarters
    .map((q) => `<th class="num">${esc(q.display)}</th>`)
    .join('')}<th class="num">Term so far</th></tr></thead>`;
  const sites = card.attritionBySite
    .map(
      (s) =>
        `<tr><td>${esc(s.site)}</td>${s.periods
          .map(
            (p) =>
              `<td class="num">${esc(formatValue(p.value, 'ratio', 'attrition'))}<br><span class="small muted">headcount ${esc(formatCount(p.n))}</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="operations" class="page">
<h2>Remote operations and security</h2>
<p>The key measurements the contract sets in remoteOperations and security (reported and alerted, no payout), per quarter and over the term so far. "Missed" means the value and its whole 95% interval are on the wrong side of the contract's level; "below?" means the value is, but the interval still reaches the level (it may be noise).</p>
<h3>Remote operations</h3>
<table>${head}<tbody>${rows('remote_operations')}</tbody></table>
<h3>Security and continuity</h3>
<table>${head}<tbody>${rows('security')}</tbody></table>
<h3>Annualised agent attrition by site</h3>
<table><thead><tr><th>Site</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead><tbody>${sites}</tbody></table>
<p class="small">Access compliance: the contract requires every login to use MFA, a compliant device and an allowed country (100%); the renewal rules treat a quarter under ${esc(
    formatPercent(card.recommendation.settings.accessMissFloor),
  )} as a miss and under ${esc(formatPercent(card.recommendation.settings.accessBreachFloor))} as a material breach.</p>
</section>`;
}
