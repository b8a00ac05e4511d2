import { Dec } from '../money/money.js';
import { formatChange, formatMoney, formatPercent } from './format.js';
import { definitionsSection } from './html-definitions.js';
import { evidenceSection } from './html-evidence.js';
import { breakableId, documentHtml, esc, tag } from './html-kit.js';
import { mechanicsSection } from './html-mechanics.js';
import { moneySection, valueSection } from './html-money.js';
import { operationsSection } from './html-operations.js';
import { outcomesSection } from './html-outcomes.js';
import { recalibrationSection } from './html-recalibrations.js';
import type { Reason, RecommendationId, Scorecard } from './types.js';

/**
 * The renewal scorecard as one self-contained, printable HTML document (A4; the PDF is
 * this document printed by Chromium): the recommendation and its reasons first, then one
 * page per section with its charts.
 */

const TONE: Record<RecommendationId, 'good' | 'warn' | 'bad'> = {
  renew: 'good',
  renew_with_changes: 'warn',
  re_tender: 'bad',
};

export function renderScorecardHtml(card: Scorecard): string {
  const title = `Renewal scorecard: ${card.contract.displayName}`;
  const body = [
    summary(card),
    outcomesSection(card),
    moneySection(card),
    mechanicsSection(card),
    valueSection(card),
    operationsSection(card),
    recalibrationSection(card),
    evidenceSection(card),
    definitionsSection(card),
    rulesSection(card),
  ].join('\n');
  const footer = `Renewal scorecard · ${card.contract.id} v${card.contract.version} · ${card.termSoFar.display} · as of ${card.asOf}`;
  return documentHtml(title, body, '', footer);
}

function summary(card: Scorecard): string {
  const { contract, recommendation: rec, termSoFar } = card;
  const moved = card.outcomes.filter((o) => o.term.evidence === 'moved').length;
  const counted = card.outcomes.filter((o) => o.term.evidence !== 'insufficient').length;
  const c = card.money.currency;
  const adjustments = new Dec(card.money.term.adjustments);
  const reasons = (list: Reason[]) =>
    list
      .map((r) => `<li>${esc(r.text)} <span class="small muted rule-ref">[${esc(r.rule)}]</span></li>`)
      .join('');
  return `<header id="summary">
<p class="eyebrow">Renewal scorecard · Covenant</p>
<h1>${esc(contract.displayName)}</h1>
<div class="meta">
<span>Contract <b>${esc(contract.id)}</b> v${contract.version}</span>
<span>Client <b>${esc(contract.client)}</b></span>
<span>Vendor <b>${esc(contract.vendor)}</b></span>
<span>Term ${esc(contract.term.start)} to ${esc(contract.term.end)}</span>
<span>Scored ${esc(termSoFar.display)}${termSoFar.complete ? ' (whole term)' : ' (term so far)'}</span>
<span>As of ${esc(card.asOf)}</span>
<span>Zone ${esc(contract.timezone)}</span>
</div>
</header>
<section id="recommendation" class="panel ${TONE[rec.decision]}">
<p class="eyebrow">Recommendation</p>
<p class="decision">${esc(capitalise(rec.label))}</p>
<p>${esc(decisionLine(rec.decision))}</p>
<ol>${reasons(rec.reasons)}</ol>
${
  rec.otherReasons.length > 0
    ? `<p class="small" style="margin-top:2mm"><b>Also found</b> (rules that push to a milder recommendation):</p><ul class="small">${reasons(rec.otherReasons)}</ul>`
    : ''
}
</section>
<div class="figures">
<div class="figure"><div class="value">${moved} of ${counted}</div><div class="label">outcomes moved in the better direction (p &lt; 0.05) over the term so far</div></div>
<div class="figure"><div class="value">${esc(formatMoney(adjustments.toString(), c))}</div><div class="label">outcome adjustments on a base fee of ${esc(
    formatMoney(card.money.term.baseFee, c),
  )} (${esc(adjustments.isNegative() ? `${formatPercent(card.money.term.withheldShare)} of the at-risk amount withheld` : 'net bonus')})</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.valueChange))}</div><div class="label">value per contact, first to latest quarter</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.costChange))}</div><div class="label">cost per contact, first to latest quarter</div></div>
</div>
<p class="small">"Moved" means the difference from the contract's baseline is in the better direction with p &lt; 0.05; intervals are 95%. Every measurement is defined under Definitions, and the rules that decide the recommendation, with their conditions, are listed at the end.</p>`;
}

const decisionLine = (decision: RecommendationId) =>
  decision === 'renew'
    ? 'Renew as is: the outcomes moved with evidence and nothing the rules check for calls for a change.'
    : decision === 'renew_with_changes'
      ? 'Renew, with the changes the reasons below call for written into the next contract.'
      : 'Re-tender: the numbers below show outcomes that did not move or a material breach.';

function rulesSection(card: Scorecard): string {
  const rec = card.recommendation;
  return `<section id="rules" class="page">
<h2>How the recommendation was reached</h2>
<p>Each rule reads the numbers above; the recommendation is the most severe one a fired rule pushes to (re-tender, then renew with changes, then renew). Each rule's condition is quoted with the constants it uses.</p>
<table><thead><tr><th>Rule</th><th>Pushes to</th><th>Condition</th><th>Fired</th></tr></thead><tbody>${rec.rules
    .map(
      (r) =>
        `<tr><td class="small id">${breakableId(r.id)}</td><td>${tag(capitalise(labelOf(r.recommendation)), TONE[r.recommendation])}</td><td class="small">${esc(
          r.condition,
        )}</td><td>${r.fired ? '<b>yes</b>' : '<span class="muted">no</span>'}</td></tr>`,
    )
    .join('')}</tbody></table>

</section>`;
}

const labelOf = (id: RecommendationId) =>
  id === 'renew' ? 'renew' : id === 're_tender' ? 're-tender' : 'renew with changes';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
