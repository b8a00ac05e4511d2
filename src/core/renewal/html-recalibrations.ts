import { esc } from './html-kit.js';
import type { Scorecard } from './types.js';

/** The scorecard document's recalibrations page: versions, proposals with decisions, triggers by quarter. */

export function recalibrationSection(card: Scorecard): string {
  const r = card.recalibrations;
  const versions = r.versions
    .map(
      (v) =>
        `<tr><td>v${v.version}</td><td>${esc(v.effectiveFrom)}</td><td>${esc(v.origin)}</td><td class="small">${esc(v.createdAt)}</td></tr>`,
    )
    .join('');
  const proposals =
    r.proposals.length === 0
      ? '<p>No recalibration was proposed in the term so far.</p>'
      : `<table><thead><tr><th>Proposal</th><th>Period</th><th>Triggers</th><th>Status</th><th>Effective</th><th>Decisions</th></tr></thead><tbody>${r.proposals
          .map(
            (p) =>
              `<tr><td>${esc(p.id)}</td><td>${esc(p.period)}</td><td>${esc(p.triggersFired.join(', ') || '–')}</td><td>${esc(p.status)}${
                p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`
              }</td><td>${esc(p.effectiveFrom)}</td><td class="small">${esc(
                p.decisions.map((d) => `${d.party} ${d.decision} ${d.decidedAt}`).join('; ') || '–',
              )}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const triggers =
    r.triggers.length === 0
      ? '<p class="muted">The contract has no recalibration triggers.</p>'
      : `<table><thead><tr><th>Quarter</th><th>Against</th><th>Triggers that fired</th></tr></thead><tbody>${r.triggers
          .map(
            (t) =>
              `<tr><td>${esc(t.display)}</td><td>${esc(t.reference)}</td><td>${
                t.fired.length === 0
                  ? '<span class="muted">none</span>'
                  : t.fired.map((f) => `<b>${esc(f.measure)}</b>: ${esc(f.arithmetic)}`).join('<br>')
              }</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="recalibrations" class="page">
<h2>Recalibrations</h2>
<p>How the terms changed when volume, channel mix or automation moved: the contract's versions, the recalibration proposals with the parties' decisions, and the triggers evaluated on each quarter against recalibration.reference.</p>
<h3>Versions</h3>
<table><thead><tr><th>Version</th><th>Effective from</th><th>Origin</th><th>Stored</th></tr></thead><tbody>${versions}</tbody></table>
<h3>Proposals</h3>
${proposals}
<h3>Triggers by quarter</h3>
${triggers}
</section>`;
}
