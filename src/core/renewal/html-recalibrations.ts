import { esc } from './html-kit.js';
import type { Words } from './html-words.js';
import type { Scorecard } from './types.js';

/** The scorecard document's recalibrations page: versions, proposals with decisions, triggers by quarter. */

export function recalibrationSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const r = card.recalibrations;
  const th = (...keys: Parameters<typeof t>[0][]) => keys.map((k) => `<th>${esc(t(k))}</th>`).join('');
  const versions = r.versions
    .map(
      (v) =>
        `<tr><td>v${v.version}</td><td>${esc(w.date(v.effectiveFrom))}</td><td>${esc(v.origin)}</td><td class="small">${esc(v.createdAt)}</td></tr>`,
    )
    .join('');
  const proposals =
    r.proposals.length === 0
      ? `<p>${esc(t('scorecard.noProposals'))}</p>`
      : `<table><thead><tr>${th('scorecard.proposal', 'scorecard.period', 'scorecard.triggers', 'scorecard.status', 'scorecard.effective', 'scorecard.decisions')}</tr></thead><tbody>${r.proposals
          .map(
            (p) =>
              `<tr><td>${esc(p.id)}</td><td>${esc(p.period)}</td><td>${esc(p.triggersFired.join(', ') || '–')}</td><td>${esc(
                t('disputes.status', { status: p.status }),
              )}${p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`}</td><td>${esc(w.date(p.effectiveFrom))}</td><td class="small">${esc(
                p.decisions
                  .map(
                    (d) =>
                      `${t('proposals.approval', { party: d.party, decision: d.decision })} ${w.date(d.decidedAt)}`,
                  )
                  .join('; ') || '–',
              )}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const triggers =
    r.triggers.length === 0
      ? `<p class="muted">${esc(t('scorecard.noTriggers'))}</p>`
      : `<table><thead><tr>${th('scorecard.quarter', 'scorecard.against', 'scorecard.triggersFired')}</tr></thead><tbody>${r.triggers
          .map(
            (q) =>
              `<tr><td>${esc(q.display)}</td><td>${esc(q.reference)}</td><td>${
                q.fired.length === 0
                  ? `<span class="muted">${esc(t('scorecard.none'))}</span>`
                  : q.fired.map((f) => `<b>${esc(f.measure)}</b>: ${esc(f.arithmetic)}`).join('<br>')
              }</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="recalibrations" class="page">
<h2>${esc(t('scorecard.recalTitle'))}</h2>
<p>${esc(t('scorecard.recalIntro'))}</p>
<h3>${esc(t('scorecard.versions'))}</h3>
<table><thead><tr>${th('scorecard.version', 'scorecard.effectiveFrom', 'scorecard.origin', 'scorecard.stored')}</tr></thead><tbody>${versions}</tbody></table>
<h3>${esc(t('scorecard.proposals'))}</h3>
${proposals}
<h3>${esc(t('scorecard.triggersByQuarter'))}</h3>
${triggers}
</section>`;
}
