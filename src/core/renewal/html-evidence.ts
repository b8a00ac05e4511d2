import { esc } from './html-kit.js';
import type { Scorecard } from './types.js';

const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** The scorecard's evidence page: the contract's experiments with their four cells, and the alert history. */
export function evidenceSection(card: Scorecard): string {
  const e = card.evidence;
  if (!e) return '';
  const experiments =
    e.experiments.length === 0
      ? '<p>No experiment is registered on this contract.</p>'
      : `<table><thead><tr><th>Experiment</th><th>Metric</th><th>Start</th><th>Effect (95% interval)</th><th>p</th><th>Treated pre → post (n)</th><th>Control pre → post (n)</th></tr></thead><tbody>${e.experiments
          .map(
            (x) =>
              `<tr><td>${esc(x.title)}${x.insufficient ? ' <b>(insufficient data)</b>' : ''}</td><td>${esc(x.metric)}</td><td>${esc(x.start)}</td><td><b>${num(x.effect)}</b> (${num(x.low)} to ${num(x.high)})</td><td>${num(x.p, 4)}</td><td class="small">${num(x.cells.treatedPre.value)} → ${num(x.cells.treatedPost.value)} (${x.cells.treatedPre.n}, ${x.cells.treatedPost.n})</td><td class="small">${num(x.cells.controlPre.value)} → ${num(x.cells.controlPost.value)} (${x.cells.controlPre.n}, ${x.cells.controlPost.n})</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const alerts =
    e.alerts.length === 0
      ? '<p>No outcome changed state in the alerts evaluated so far.</p>'
      : `<table><thead><tr><th>As of</th><th>Period</th><th>Outcome</th><th>State</th><th>Money at risk</th></tr></thead><tbody>${e.alerts
          .map(
            (a) =>
              `<tr><td class="small">${esc(a.asOf)}</td><td>${esc(a.period)}</td><td>${esc(`${a.portfolio}/${a.metric}`)}</td><td>${esc(a.previousState ?? '–')} → <b>${esc(a.state)}</b> (${esc(a.change)})</td><td>${esc(a.moneyAtRisk)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="evidence" class="page">
<h2>Evidence: experiments and alerts</h2>
<p>Joint experiments on this contract, each a difference in differences with its 95% interval (fair when the two arms' trends were parallel before the start: compare their pre-period slopes), and every change of an outcome's projected state during the term.</p>
<h3>Experiments</h3>
${experiments}
<h3>Alert history</h3>
${alerts}
</section>`;
}
