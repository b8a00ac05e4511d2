import type { Scorecard } from '../../../src/core/renewal/types';
import { formatMoney } from '../lib/format';
import { useT } from '../lib/i18n';

/**
 * The scorecard's market mechanics: the termination rights chronic failure gave (with the
 * periods that made them), the outcomes one default short, and the earn-backs paid.
 * Nothing when the contract has neither chronic failure nor earn-back.
 */
export function MechanicsSection({ card }: { card: Scorecard }) {
  const t = useT();
  const m = card.mechanics;
  if (!m) return null;
  const currency = card.contract.currency;
  return (
    <section className="section" aria-labelledby="renewal-mechanics-title" data-testid="renewal-mechanics">
      <h2 id="renewal-mechanics-title">{t('mechanics.title')}</h2>
      {m.chronicFailure && (
        <>
          <p>{t('mechanics.chronicTerms', { misses: m.chronicFailure.misses, within: m.chronicFailure.within })}</p>
          {m.terminationRights.length === 0 ? (
            <p>{t('mechanics.noRight')}</p>
          ) : (
            <ul data-testid="renewal-termination-rights">
              {m.terminationRights.map((r) => (
                <li key={`${r.portfolio}/${r.metric}`}>
                  <b>{r.label}</b>: {t('mechanics.rightFrom', { period: r.grantedIn })} ({r.periods.join(', ')})
                </li>
              ))}
            </ul>
          )}
          {m.oneShort.length > 0 && (
            <ul>
              {m.oneShort.map((o) => (
                <li key={`${o.portfolio}/${o.metric}`}>
                  {o.label}: {t('mechanics.oneShort')} ({o.periods.join(', ')})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {m.earnBack && (
        <>
          <h3>{t('mechanics.earnBacksPaid')}</h3>
          {m.earnBacks.length === 0 ? (
            <p>{t('mechanics.noEarnBacks')}</p>
          ) : (
            <ul data-testid="renewal-earn-backs">
              {m.earnBacks.map((e) => (
                <li key={e.line}>
                  {e.period}: {e.label} ({t('mechanics.penaltyOf')} {e.penaltyPeriod}) {formatMoney(e.amount, currency)}
                </li>
              ))}
              <li>
                <b>{formatMoney(m.earnBackTotal, currency)}</b>
              </li>
            </ul>
          )}
        </>
      )}
    </section>
  );
}
