import { formatCount, formatPercent, formatValue } from './format.js';
import { breakableId, esc, tag } from './html-kit.js';
import type { Words } from './html-words.js';
import type { MeasurementPeriod, MeasurementRow, Scorecard } from './types.js';

/** The scorecard document's remote operations and security page, with attrition by site. */

function measurementCell(row: MeasurementRow, p: MeasurementPeriod, w: Words): string {
  const { t } = w;
  const value = formatValue(p.value, row.unit, row.metric);
  const mark =
    p.status === 'missed'
      ? tag(t(p.evidentMiss ? 'scorecard.missed' : 'scorecard.below'), p.evidentMiss ? 'bad' : 'warn')
      : p.status === 'met'
        ? tag(t('scorecard.met'), 'good')
        : '';
  return `<td class="num">${esc(value)}${mark ? `<br>${mark}` : ''}<br><span class="small muted">n = ${esc(formatCount(p.n))}</span></td>`;
}

export function operationsSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const quarters = card.quarters;
  const rows = (group: MeasurementRow['group']) =>
    card.operations
      .filter((r) => r.group === group)
      .map(
        (r) =>
          `<tr><td><b>${esc(w.label(r.metric, r.label))}</b><br><span class="small muted id">${breakableId(r.source ?? t('scorecard.noThreshold', { metric: r.metric }))}</span></td><td class="num">${
            r.threshold === null
              ? '–'
              : `${r.direction === 'lower' ? '≤' : '≥'} ${esc(formatValue(r.threshold, r.unit, r.metric))}`
          }</td>${r.periods.map((p) => measurementCell(r, p, w)).join('')}${measurementCell(r, r.term, w)}</tr>`,
      )
      .join('');
  const head = `<thead><tr><th>${esc(t('scorecard.measurement'))}</th><th class="num">${esc(t('scorecard.contractCol'))}</th>${quarters
    .map((q) => `<th class="num">${esc(q.display)}</th>`)
    .join('')}<th class="num">${esc(t('scorecard.termSoFar'))}</th></tr></thead>`;
  const sites = card.attritionBySite
    .map(
      (s) =>
        `<tr><td>${esc(s.site)}</td>${s.periods
          .map(
            (p) =>
              `<td class="num">${esc(formatValue(p.value, 'ratio', 'attrition'))}<br><span class="small muted">${esc(t('scorecard.headcount', { n: formatCount(p.n) }))}</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="operations" class="page">
<h2>${esc(t('scorecard.opsTitle'))}</h2>
<p>${esc(t('scorecard.opsIntro'))}</p>
<h3>${esc(t('scorecard.remoteOps'))}</h3>
<table>${head}<tbody>${rows('remote_operations')}</tbody></table>
<h3>${esc(t('scorecard.security'))}</h3>
<table>${head}<tbody>${rows('security')}</tbody></table>
<h3>${esc(t('scorecard.attrition'))}</h3>
<table><thead><tr><th>${esc(t('scorecard.site'))}</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead><tbody>${sites}</tbody></table>
<p class="small">${esc(
    t('scorecard.accessNote', {
      miss: formatPercent(card.recommendation.settings.accessMissFloor),
      breach: formatPercent(card.recommendation.settings.accessBreachFloor),
    }),
  )}</p>
</section>`;
}
