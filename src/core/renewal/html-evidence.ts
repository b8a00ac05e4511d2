import { esc } from './html-kit.js';
import type { Words } from './html-words.js';
import type { Scorecard } from './types.js';

const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** The scorecard's evidence page: the contract's experiments with their four cells, and the alert history. */
export function evidenceSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const e = card.evidence;
  if (!e) return '';
  const th = (...keys: Parameters<typeof t>[0][]) => keys.map((k) => `<th>${esc(t(k))}</th>`).join('');
  const state = (s: string | null) => (s === null ? '–' : t('scorecard.projected', { state: s }));
  const experiments =
    e.experiments.length === 0
      ? `<p>${esc(t('scorecard.noExperiments'))}</p>`
      : `<table><thead><tr>${th('scorecard.experiment', 'scorecard.metric', 'scorecard.start', 'scorecard.effect')}<th>p</th>${th('scorecard.treated', 'scorecard.control')}</tr></thead><tbody>${e.experiments
          .map(
            (x) =>
              `<tr><td>${esc(x.title)}${x.insufficient ? ` <b>(${esc(t('scorecard.insufficient'))})</b>` : ''}</td><td>${esc(x.metric)}</td><td>${esc(w.date(x.start))}</td><td><b>${num(x.effect)}</b> (${esc(t('scorecard.range', { from: num(x.low), to: num(x.high) }))})</td><td>${num(x.p, 4)}</td><td class="small">${num(x.cells.treatedPre.value)} → ${num(x.cells.treatedPost.value)} (${x.cells.treatedPre.n}, ${x.cells.treatedPost.n})</td><td class="small">${num(x.cells.controlPre.value)} → ${num(x.cells.controlPost.value)} (${x.cells.controlPre.n}, ${x.cells.controlPost.n})</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const alerts =
    e.alerts.length === 0
      ? `<p>${esc(t('scorecard.noAlerts'))}</p>`
      : `<table><thead><tr>${th('scorecard.alertAsOf', 'scorecard.period', 'scorecard.outcome', 'scorecard.state', 'scorecard.moneyAtRisk')}</tr></thead><tbody>${e.alerts
          .map(
            (a) =>
              `<tr><td class="small">${esc(w.date(a.asOf))}</td><td>${esc(a.period)}</td><td>${esc(`${a.portfolio}/${a.metric}`)}</td><td>${esc(state(a.previousState ?? null))} → <b>${esc(state(a.state))}</b> (${esc(t('alerts.change', { change: a.change }))})</td><td>${esc(a.moneyAtRisk)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="evidence" class="page">
<h2>${esc(t('scorecard.evidenceTitle'))}</h2>
<p>${esc(t('scorecard.evidenceIntro'))}</p>
<h3>${esc(t('scorecard.experiments'))}</h3>
${experiments}
<h3>${esc(t('scorecard.alerts'))}</h3>
${alerts}
</section>`;
}
