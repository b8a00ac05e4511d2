import type { Language } from '../i18n/index.js';
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
import { localiseHtml, type Words, wordsOf } from './html-words.js';
import type { Reason, RecommendationId, Scorecard } from './types.js';

/**
 * The renewal scorecard as one self-contained, printable HTML document (A4; the PDF is
 * this document printed by Chromium): the recommendation and its reasons first, then one
 * page per section with its charts. In the reader's language (`language`, default English):
 * the document's own words, metric labels and definitions, dates and numbers; the reasons
 * and rule conditions are the rules' own sentences.
 */

const TONE: Record<RecommendationId, 'good' | 'warn' | 'bad'> = {
  renew: 'good',
  renew_with_changes: 'warn',
  re_tender: 'bad',
};

export function renderScorecardHtml(card: Scorecard, language: Language = 'en'): string {
  const w = wordsOf(language);
  const { t } = w;
  const title = t('scorecard.title', { name: card.contract.displayName });
  const body = [
    summary(card, w),
    outcomesSection(card, w),
    moneySection(card, w),
    mechanicsSection(card, w),
    valueSection(card, w),
    operationsSection(card, w),
    recalibrationSection(card, w),
    evidenceSection(card, w),
    definitionsSection(card, w),
    rulesSection(card, w),
  ].join('\n');
  const footer = t('scorecard.footer', {
    id: card.contract.id,
    version: card.contract.version,
    term: card.termSoFar.display,
    asOf: w.date(card.asOf),
  });
  return documentHtml(title, localiseHtml(body, language), '', footer, {
    lang: language,
    page: t('pdf.page'),
    of: t('pdf.of'),
  });
}

function summary(card: Scorecard, w: Words): string {
  const { t } = w;
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
<p class="eyebrow">${esc(t('scorecard.eyebrow'))}</p>
<h1>${esc(contract.displayName)}</h1>
<div class="meta">
<span>${esc(t('scorecard.contract'))} <b>${esc(contract.id)}</b> v${contract.version}</span>
<span>${esc(t('scorecard.client'))} <b>${esc(contract.client)}</b></span>
<span>${esc(t('scorecard.vendor'))} <b>${esc(contract.vendor)}</b></span>
<span>${esc(t('scorecard.term', { from: w.date(contract.term.start), to: w.date(contract.term.end) }))}</span>
<span>${esc(t('scorecard.scored', { term: termSoFar.display, complete: termSoFar.complete ? 'yes' : 'no' }))}</span>
<span>${esc(t('scorecard.asOf', { date: w.date(card.asOf) }))}</span>
<span>${esc(t('scorecard.zone', { zone: contract.timezone }))}</span>
</div>
</header>
<section id="recommendation" class="panel ${TONE[rec.decision]}">
<p class="eyebrow">${esc(t('scorecard.recommendation'))}</p>
<p class="decision">${esc(t('scorecard.decision', { decision: rec.decision }))}</p>
<p>${esc(t('scorecard.decisionLine', { decision: rec.decision }))}</p>
<ol>${reasons(rec.reasons)}</ol>
${
  rec.otherReasons.length > 0
    ? `<p class="small" style="margin-top:2mm"><b>${esc(t('scorecard.alsoFound'))}</b> ${esc(t('scorecard.alsoFoundNote'))}</p><ul class="small">${reasons(rec.otherReasons)}</ul>`
    : ''
}
</section>
<div class="figures">
<div class="figure"><div class="value">${esc(t('scorecard.movedOf', { moved, counted }))}</div><div class="label">${esc(t('scorecard.movedLabel'))}</div></div>
<div class="figure"><div class="value">${esc(formatMoney(adjustments.toString(), c))}</div><div class="label">${esc(
    t('scorecard.adjustmentsLabel', { base: formatMoney(card.money.term.baseFee, c) }),
  )} (${esc(
    adjustments.isNegative()
      ? t('scorecard.withheld', { share: formatPercent(card.money.term.withheldShare) })
      : t('scorecard.netBonus'),
  )})</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.valueChange))}</div><div class="label">${esc(t('scorecard.valueLabel'))}</div></div>
<div class="figure"><div class="value">${esc(formatChange(card.value.costChange))}</div><div class="label">${esc(t('scorecard.costLabel'))}</div></div>
</div>
<p class="small">${esc(t('scorecard.movedNote'))}</p>`;
}

function rulesSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const rec = card.recommendation;
  return `<section id="rules" class="page">
<h2>${esc(t('scorecard.rulesTitle'))}</h2>
<p>${esc(t('scorecard.rulesIntro'))}</p>
<table><thead><tr><th>${esc(t('scorecard.rule'))}</th><th>${esc(t('scorecard.pushesTo'))}</th><th>${esc(t('scorecard.condition'))}</th><th>${esc(t('scorecard.fired'))}</th></tr></thead><tbody>${rec.rules
    .map(
      (r) =>
        `<tr><td class="small id">${breakableId(r.id)}</td><td>${tag(t('scorecard.decision', { decision: r.recommendation }), TONE[r.recommendation])}</td><td class="small">${esc(
          r.condition,
        )}</td><td>${r.fired ? `<b>${esc(t('scorecard.yes'))}</b>` : `<span class="muted">${esc(t('scorecard.no'))}</span>`}</td></tr>`,
    )
    .join('')}</tbody></table>

</section>`;
}
