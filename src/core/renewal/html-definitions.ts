import type { Language } from '../i18n/index.js';
import { metricInfo } from '../metric/catalog.js';
import { esc } from './html-kit.js';
import { definitionOf, type Words } from './html-words.js';
import type { Scorecard } from './types.js';

/**
 * The definitions a reader needs, quoted from the metric catalog (the same text `covenant
 * metrics` prints, in the reader's language) rather than pointing at files the reader does not have.
 */

/** A metric's definition as the catalog words it, in quotes; the id itself when unknown. */
export function quoteDefinition(id: string, language: Language = 'en'): string {
  const found = definitionOf(id, language);
  return found ? `<q>${esc(found.formula)}</q>` : esc(id);
}

export function definitionsSection(card: Scorecard, w: Words): string {
  const { t } = w;
  const ids = [
    ...new Set([
      ...card.outcomes.map((o) => o.metric),
      ...card.operations.map((m) => m.metric),
      'cost_per_contact',
      'value_per_contact',
    ]),
  ];
  const items = ids
    .map((id) => metricInfo(id))
    .filter((info) => info !== undefined)
    .map((info) => {
      const words = definitionOf(info.id, w.language) ?? { formula: info.formula, n: info.n };
      const interval =
        info.interval === 'none'
          ? ''
          : `; ${t('scorecard.interval', { method: t(`metric.interval.${info.interval}`) })}`;
      return `<div><dt>${esc(w.label(info.id, info.label.singular))} <span class="small muted id">(${esc(info.id)})</span></dt><dd><q>${esc(
        words.formula,
      )}</q>; ${esc(t('scorecard.nIs', { n: words.n }))}${esc(interval)}</dd></div>`;
    })
    .join('\n');
  return `<section id="definitions" class="page">
<h2>${esc(t('scorecard.definitions'))}</h2>
<p class="small">${esc(t('scorecard.definitionsIntro', { asOf: w.date(card.asOf), zone: card.contract.timezone }))}</p>
<dl class="definitions small">
${items}
</dl>
</section>`;
}
