import { esc } from './html-kit.js';
import type { Scorecard } from './types.js';

/** The scorecard document's mechanics page: termination rights from chronic failure, and earn-backs paid. */
export function mechanicsSection(card: Scorecard): string {
  const m = card.mechanics;
  if (!m) return '';
  const cf = m.chronicFailure;
  const rights =
    m.terminationRights.length === 0
      ? '<p>Chronic failure gave no termination right in the term so far.</p>'
      : `<table data-testid="termination-rights"><thead><tr><th>Outcome</th><th>Termination right from</th><th>Defaults that made it</th></tr></thead><tbody>${m.terminationRights
          .map(
            (r) =>
              `<tr><td>${esc(r.label)}</td><td>${esc(r.grantedIn)}</td><td>${esc(r.periods.join(', '))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const short = m.oneShort.length
    ? `<p>One default short of chronic failure: ${esc(m.oneShort.map((o) => `${o.label} (${o.periods.join(', ')})`).join('; '))}.</p>`
    : '';
  const earnBacks =
    m.earnBacks.length === 0
      ? `<p>${m.earnBack ? 'No penalty was earned back in the term so far.' : 'The contract has no earn-back.'}</p>`
      : `<table><thead><tr><th>Period</th><th>Line</th><th>Penalty of</th><th>Amount</th></tr></thead><tbody>${m.earnBacks
          .map(
            (e) =>
              `<tr><td>${esc(e.period)}</td><td>${esc(e.label)}</td><td>${esc(e.penaltyPeriod)}</td><td class="num">${esc(e.amount)}</td></tr>`,
          )
          .join(
            '',
          )}<tr><th colspan="3">Earned back</th><td class="num">${esc(m.earnBackTotal)}</td></tr></tbody></table>`;
  return `<section id="mechanics" class="page">
<h2>Chronic failure and earn-back</h2>
<p>${
    cf
      ? `A service level default is an outcome paying below 0% in a settlement period; ${cf.misses} defaults of one outcome within ${cf.within} consecutive periods give the client a termination right.`
      : 'The contract has no chronic-failure clause.'
  }</p>
${cf ? rights : ''}
${short}
<h3>Earn-backs paid</h3>
${earnBacks}
</section>`;
}

/** The same as text lines (`covenant renewal`). */
export function mechanicsLines(card: Scorecard): string[] {
  const m = card.mechanics;
  if (!m) return [];
  const out = [''];
  if (m.chronicFailure) {
    out.push(
      `Chronic failure (${m.chronicFailure.misses} defaults within ${m.chronicFailure.within} periods): ${
        m.terminationRights.length === 0
          ? 'no termination right'
          : `${m.terminationRights.length} termination right(s)`
      }`,
      ...m.terminationRights.map(
        (r) => `  TERMINATION RIGHT: ${r.label} from ${r.grantedIn} (defaults ${r.periods.join(', ')})`,
      ),
      ...m.oneShort.map((o) => `  one default short: ${o.label} (defaults ${o.periods.join(', ')})`),
    );
  }
  if (m.earnBack) {
    out.push(
      `Earn-backs paid: ${m.earnBackTotal} ${card.contract.currency}`,
      ...m.earnBacks.map((e) => `  ${e.period} ${e.label}: ${e.amount}`),
    );
  }
  return out;
}
