import { metricInfo } from '../metric/catalog.js';
import { esc } from './html-kit.js';
import type { Scorecard } from './types.js';

/**
 * The definitions a reader needs, quoted from the metric catalog (the same text `covenant
 * metrics` prints) rather than pointing at files the reader does not have.
 */

/** A metric's definition as the catalog words it, in quotes; the id itself when unknown. */
export function quoteDefinition(id: string): string {
  const info = metricInfo(id);
  return info ? `<q>${esc(info.formula)}</q>` : esc(id);
}

export function definitionsSection(card: Scorecard): string {
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
    .map(
      (info) =>
        `<div><dt>${esc(info.label.singular)} <span class="small muted id">(${esc(info.id)})</span></dt><dd><q>${esc(
          info.formula,
        )}</q>; n = ${esc(info.n)}${info.interval === 'none' ? '' : `; 95% interval: ${esc(info.interval)}`}</dd></div>`,
    )
    .join('\n');
  return `<section id="definitions" class="page">
<h2>Definitions</h2>
<p class="small">Every measurement in this scorecard, as the metric catalog defines it, computed by Covenant's metric engine from the data in the store as of ${esc(card.asOf)}, on the contract's scope and zone (${esc(card.contract.timezone)}); money is exact decimal, rounded per invoice line. "Moved" means the difference from the contract's baseline is in the better direction with p &lt; 0.05; intervals are 95%.</p>
<dl class="definitions small">
${items}
</dl>
</section>`;
}
