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
import { sparkline } from './svg-charts.js';
import type { Evidence, OutcomeRow, Scorecard } from './types.js';

/** The scorecard document's outcomes page: each outcome over the term so far, then by quarter. */

const EVIDENCE: Record<Evidence, { text: string; tone: string }> = {
  moved: { text: 'moved', tone: 'good' },
  did_not_move: { text: 'did not move', tone: 'neutral' },
  worse: { text: 'worse', tone: 'bad' },
  insufficient: { text: 'insufficient data', tone: 'neutral' },
};

function outcomeCells(o: OutcomeRow, currency: string): string {
  const t = o.term;
  const ev = EVIDENCE[t.evidence];
  const spark = sparkline(
    o.trend.map((q) => q.value),
    {
      refs: [
        ...(o.baseline.value !== null ? [{ value: o.baseline.value, label: 'baseline', dashed: true }] : []),
        { value: o.target, label: 'target' },
      ],
      width: 88,
      height: 30,
      format: (x) => formatValue(x, o.unit, o.metric),
      title: `${o.label} by quarter: ${o.trend.map((q) => `${q.display} ${formatValue(q.value, o.unit, o.metric)}`).join(', ')}`,
    },
  );
  const net = new Dec(o.money.net);
  return `<tr>
<td><b>${esc(o.portfolioName)}</b>: ${esc(o.label)}<br><span class="small muted">${esc(formatPercent(o.weight))} of the at-risk amount</span></td>
<td class="num">${esc(formatValue(o.baseline.value, o.unit, o.metric))}<br><span class="small muted">${esc(
    o.baseline.written ? 'written' : (o.baseline.period ?? 'measured'),
  )}</span><br>→ ${esc(formatValue(o.target, o.unit, o.metric))}</td>
<td class="num"><b>${esc(formatValue(t.value, o.unit, o.metric))}</b><br><span class="small">${esc(
    formatInterval(t.low, t.high, o.unit, o.metric),
  )}</span><br><span class="small muted">n = ${esc(formatCount(t.n))}</span></td>
<td class="num">${esc(formatDifference(t.difference, o.unit, o.metric))}<br><span class="small">${esc(formatP(t.p))}</span><br>${tag(ev.text, ev.tone)}</td>
<td class="num">${o.targetBeyondBaseline ? esc(formatPercent(t.attainment)) : 'hold†'}</td>
<td>${spark}</td>
<td class="num"><span class="${net.isNegative() ? 'neg' : ''}">${esc(formatMoney(o.money.net, currency))}</span></td>
</tr>`;
}

export function outcomesSection(card: Scorecard): string {
  const c = card.money.currency;
  const quarters = card.quarters;
  const trendRows = card.outcomes
    .map(
      (o) =>
        `<tr><td>${esc(o.portfolioName)}: ${esc(o.label)}</td>${o.trend
          .map(
            (q) =>
              `<td class="num">${esc(formatValue(q.value, o.unit, o.metric))}<br><span class="small">${esc(
                q.insufficient ? `n = ${q.n}, insufficient` : formatP(q.p),
              )}</span> ${q.evidence === 'moved' ? tag('moved', 'good') : q.evidence === 'worse' ? tag('worse', 'bad') : ''}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<section id="outcomes" class="page">
<h2>Outcomes over ${esc(card.termSoFar.display)}</h2>
<p>Each outcome of the contract on its scope (${esc(card.contract.vendor)} on the portfolio's workflows), over the term so far against the contract's baseline, with its trend by quarter (dashed line: baseline; green line: target) and the money its invoice lines paid (+) or withheld (−).</p>
<table>
<thead><tr><th>Outcome</th><th class="num">Baseline → target</th><th class="num">Term so far</th><th class="num">Difference</th><th class="num">Attain&shy;ment</th><th>By quarter</th><th class="num">Paid (+)<br>withheld (−)</th></tr></thead>
<tbody>${card.outcomes.map((o) => outcomeCells(o, c)).join('')}</tbody>
</table>
<h3>By quarter</h3>
<table>
<thead><tr><th>Outcome</th>${quarters.map((q) => `<th class="num">${esc(q.display)}</th>`).join('')}</tr></thead>
<tbody>${trendRows}</tbody>
</table>
<p class="small">Attainment = (value − baseline) / (target − baseline): 100% is the target met.${
    card.outcomes.some((o) => !o.targetBeyondBaseline)
      ? ' † A hold target: the target is not better than the baseline, so no attainment is shown; the status compares the value with the target.'
      : ''
  } A quarter's p compares that quarter with the baseline.${
    quarters.some((q) => !q.complete) ? ' * = to date.' : ''
  }</p>
</section>`;
}
