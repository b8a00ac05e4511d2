import type { EarnBackLine, SettlementMechanics } from '../../../src/core/settlement/mechanics/types';
import { TableDownloads } from '../components/table-downloads';
import { formatPercent } from '../lib/format';
import { useT } from '../lib/i18n';
import type { Settlement } from '../lib/types';

/** An earn-back credit line's trace: the penalty it returns and the periods the outcome then met its target. */
export function EarnBackTrace({ line }: { line: EarnBackLine }) {
  const p = line.trace.penalty;
  return (
    <div className="trace" data-testid={`earn-back-trace-${line.id}`}>
      <p>
        {p.line} · {p.period} · {p.settlement ?? '–'} · {p.charged}
      </p>
      <ul>
        {line.trace.held.map((h) => (
          <li key={h.period}>
            {h.period}: {h.value ?? '–'} / {h.target}
          </li>
        ))}
      </ul>
      <p className="rule">{line.trace.rule}</p>
    </div>
  );
}

/**
 * The contract's outsourcing-market mechanics on the settlement page: the allocation pool,
 * earn-back terms, each outcome's defaults toward chronic failure (and the termination
 * right), and the computation of a continuous-improvement version. Nothing without them.
 */
export function MechanicsPanel({ parts }: { parts: Settlement[] }) {
  const t = useT();
  const withMechanics = parts.filter((p): p is Settlement & { mechanics: SettlementMechanics } => !!p.mechanics);
  if (withMechanics.length === 0) return null;
  const last = withMechanics.at(-1)?.mechanics;
  const pool = last?.allocationPool;
  const earnBack = last?.earnBack;
  const chronic = last?.chronicFailure;
  return (
    <div className="card section" data-testid="mechanics-panel">
      <h2>{t('mechanics.title')}</h2>
      {pool !== undefined && <p data-testid="mechanics-pool">{t('mechanics.pool', { pool: formatPercent(pool) })}</p>}
      {earnBack && (
        <p data-testid="mechanics-earn-back">
          {t('mechanics.earnBackTerms', { periods: earnBack.periods, share: formatPercent(earnBack.share) })}
        </p>
      )}
      {chronic && (
        <div className="table-wrap">
          <table className="compact" data-testid="mechanics-chronic">
            <caption>{t('mechanics.chronicTerms', { misses: chronic.misses, within: chronic.within })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mechanics.outcome')}</th>
                <th scope="col">{t('mechanics.defaults')}</th>
                <th scope="col">{t('mechanics.status')}</th>
              </tr>
            </thead>
            <tbody>
              {chronic.outcomes.map((o) => (
                <tr key={`${o.portfolio}/${o.metric}`} data-testid={`chronic-${o.portfolio}-${o.metric}`}>
                  <th scope="row">{o.label}</th>
                  <td>{o.defaults.join(', ') || '–'}</td>
                  <td>
                    {o.terminationRight ? (
                      <b>
                        {t('mechanics.rightFrom', { period: o.terminationRight.grantedIn })} (
                        {o.terminationRight.periods.join(', ')})
                      </b>
                    ) : o.oneShort ? (
                      t('mechanics.oneShort')
                    ) : (
                      t('mechanics.noRight')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
      {withMechanics.map((part) =>
        part.mechanics.improvement ? (
          <div key={part.version} data-testid="mechanics-improvement">
            <h3>
              {t('mechanics.improvement', { version: part.version, date: part.mechanics.improvement.anniversary })}
            </h3>
            <p className="muted">{t('mechanics.computation')}</p>
            <ul>
              {part.mechanics.improvement.targets.map((x) => (
                <li key={`${x.portfolio}/${x.metric}`} className="rule">
                  {x.portfolio}/{x.metric}: {x.rule}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
}
