import type { MessageKey } from '../i18n/index.js';
import { Dec } from '../money/money.js';
import {
  formatCount,
  formatDifference,
  formatInterval,
  formatMoney,
  formatP,
  formatPercent,
  formatValue,
} from './format.js';
import { esc, tag } from './html-kit.js';
import type { Words } from './html-words.js';
import { sparkline } from './svg-charts.js';
import type { Evidence, OutcomeRow, Scorecard } from './types.js';

/** The scorecard document's outcomes page: each outcome over the term so far, then by quarter. */

const EVIDENCE: Record<Evidence, { text: MessageKey; tone: string }> = {
  moved: { text: 'scorecard.moved', tone: 'good' },
  did_not_move: { text: 'scorecard.didNotMove', tone: 'neutral' },
  worse: { text: 'scorecard.worse', tone: 'bad' },
  insufficient: { text: 'scorecard.insufficient', tone: 'neutral' },
};

function outcomeCells(o: OutcomeRow, currency: string, w: Words): string {
  const tr = w.t;
  const t = o.term;
  const ev = EVIDENCE[t.evidence];
  const label = w.label(o.metric, o.label);
  const spark = sparkline(
    o.trend.map((q) => q.value),
    {
      refs: [
        ...(o.baseline.value !== null
          ? [{ value: o.baseline.value, label: tr('scorecard.baseline'), dashed: true }]
          : []),
        { value: o.target, label: tr('scorecard.target') },
      ],
      width: 88,
      height: 30,
      format: (x) => formatValue(x, o.unit, o.metric),
      title: tr('scorecard.byQuarterTitle', {
        label,
        list: o.trend.map((q) => `${q.display} ${formatValue(q.value, o.unit, o.metric)}`).join(', '),
      }),
    },
  );
  const net = new Dec(o.money.net);
  return `<tr>
<td><b>${esc(o.portfolioName)}</b>: ${esc(label)}<br><span class="small muted">${esc(tr('scorecard.ofAtRisk', { share: formatPercent(o.weight) }))}</span></td>
<td class="num">${esc(formatValue(o.baseline.value, o.unit, o.metric))}<br><span class="small muted">${esc(
    o.baseline.written ? tr('scorecard.written') : (o.baseline.period ?? tr('scorecard.measured')),
  )}</span><br>→ ${esc(formatValue(o.target, o.unit, o.metric))}</td>
<td class="num"><b>${esc(formatValue(t.value, o.unit, o.metric))}</b><br><span class="small">${esc(
    formatInterval(t.low, t.high, o.unit, o.metric),
  )}</span><br><span class="small muted">n = ${esc(formatCount(t.n))}</span></td>
<td class="num">${esc(formatDifference(t.difference, o.unit, o.metric))}<br><span class="small">${esc(formatP(t.p))}</span><br>${tag(tr(ev.text), ev.tone)}</td>
<td class="num">${o.targetBeyondBaseline ? esc(formatPercent(t.attainment)) : esc(tr('scorecard.hold'))}</td>
<td>${spark}</td>
<td class="num"><span class="${net.isNegative() ? 'neg' : ''}">${esc(formatMoney(o.money.net, currency))}</span></td>
</tr>`;
}

export function outcomesSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const c = card.money.currency;
  const quarters = card.quarters;
  const trendRows = card.outcomes
    .map(
      (o) =>
        `<tr><td>${esc(o.portfolioName)}: ${esc(w.label(o.metric, o.label))}</td>${o.trend
          .map(
            (q) =>
              `<td class="num">${esc(formatValue(q.value, o.unit, o.metric))}<br><span class="small">${esc(
                q.insufficient ? t('scorecard.nInsufficient', { n: q.n }) : formatP(q.p),
              )}</span> ${q.evidence === 'moved' ? tag(t('scorecard.moved'), 'good') : q.evidence === 'worse' ? tag(t('scorecard.worse'), 'bad') : ''}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="outcomes" class="page">
<h2>${esc(t('scorecard.outcomesTitle', { term: card.termSoFar.display }))}</h2>
<p>${esc(t('scorecard.outcomesIntro', { vendor: card.contract.vendor }))}</p>
<table>
<thead><tr><th>${esc(t('scorecard.outcome'))}</th><th class="num">${esc(t('scorecard.baselineTarget'))}</th><th class="num">${esc(t('scorecard.termSoFar'))}</th><th class="num">${esc(t('scorecard.difference'))}</th><th class="num">${esc(t('scorecard.attainment'))}</th><th>${esc(t('scorecard.byQuarter'))}</th><th class="num">${esc(t('scorecard.paidWithheld')).replace(' / ', '<br>')}</th></tr></thead>
<tbody>${card.outcomes.map((o) => outcomeCells(o, c, w)).join('')}</tbody>
</table>
<h3>${esc(t('scorecard.byQuarter'))}</h3>
<table>
<thead><tr><th>${esc(t('scorecard.outcome'))}</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead>
<tbody>${trendRows}</tbody>
</table>
<p class="small">${esc(t('scorecard.attainmentNote'))}${
    card.outcomes.some((o) => !o.targetBeyondBaseline) ? ` ${esc(t('scorecard.holdNote'))}` : ''
  } ${esc(t('scorecard.quarterP'))}${quarters.some((q) => !q.complete) ? ` ${esc(t('scorecard.toDate'))}` : ''}</p>
</section>`;
}
