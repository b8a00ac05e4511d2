import { esc } from './html-kit.js';
import type { Words } from './html-words.js';
import type { Scorecard } from './types.js';

/** The scorecard document's mechanics page: termination rights from chronic failure, and earn-backs paid. */
export function mechanicsSection(card: Scorecard, w: Words): string {
  const m = card.mechanics;
  if (!m) return '';
  type Key =
    | 'title'
    | 'rule'
    | 'noClause'
    | 'noRight'
    | 'outcome'
    | 'rightFrom'
    | 'madeBy'
    | 'oneShort'
    | 'earnBacksPaid'
    | 'noEarnBacks'
    | 'noEarnBackClause'
    | 'period'
    | 'line'
    | 'penaltyOf'
    | 'amount'
    | 'earnedBack';
  const t = (key: Key, values?: Record<string, string | number>) => w.t(`scorecard.mech.${key}`, values);
  const cf = m.chronicFailure;
  const head = (cells: Key[]) =>
    `<thead><tr>${cells.map((c) => `<th>${esc(t(c))}</th>`).join('')}</tr></thead>`;
  const rights =
    m.terminationRights.length === 0
      ? `<p>${esc(t('noRight'))}</p>`
      : `<table data-testid="termination-rights">${head(['outcome', 'rightFrom', 'madeBy'])}<tbody>${m.terminationRights
          .map(
            (r) =>
              `<tr><td>${esc(r.label)}</td><td>${esc(r.grantedIn)}</td><td>${esc(r.periods.join(', '))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const short = m.oneShort.length
    ? `<p>${esc(t('oneShort', { list: m.oneShort.map((o) => `${o.label} (${o.periods.join(', ')})`).join('; ') }))}</p>`
    : '';
  const earnBacks =
    m.earnBacks.length === 0
      ? `<p>${esc(t(m.earnBack ? 'noEarnBacks' : 'noEarnBackClause'))}</p>`
      : `<table>${head(['period', 'line', 'penaltyOf', 'amount'])}<tbody>${m.earnBacks
          .map(
            (e) =>
              `<tr><td>${esc(e.period)}</td><td>${esc(e.label)}</td><td>${esc(e.penaltyPeriod)}</td><td class="num">${esc(e.amount)}</td></tr>`,
          )
          .join(
            '',
          )}<tr><th colspan="3">${esc(t('earnedBack'))}</th><td class="num">${esc(m.earnBackTotal)}</td></tr></tbody></table>`;
  return `<section id="mechanics" class="page">
<h2>${esc(t('title'))}</h2>
<p>${esc(cf ? t('rule', { misses: cf.misses, within: cf.within }) : t('noClause'))}</p>
${cf ? rights : ''}
${short}
<h3>${esc(t('earnBacksPaid'))}</h3>
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
