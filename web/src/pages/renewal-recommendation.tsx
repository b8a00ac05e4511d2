import type { Reason, RecommendationId, Scorecard } from '../../../src/core/renewal/types';
import { formatDate } from '../lib/format';
import { useT } from '../lib/i18n';

/** The scorecard's first section: the recommendation with each reason's numbers, and the rules that decided it. */

const DECISION_TONE: Record<RecommendationId, string> = {
  renew: 'good',
  renew_with_changes: 'warn',
  re_tender: 'bad',
};
const DECISION_MARK: Record<RecommendationId, string> = {
  renew: '✓',
  renew_with_changes: '↻',
  re_tender: '✗',
};


function ReasonItem({ reason, index, prefix }: { reason: Reason; index: number; prefix: string }) {
  const t = useT();
  return (
    <li data-testid={`${prefix}-${index}`} data-rule={reason.rule}>
      <p className="reason-text">{reason.text}</p>
      {reason.facts.length > 0 && (
        <ul className="muted" aria-label={t('renewal.facts')}>
          {reason.facts.map((fact, k) => (
            <li key={`${fact.metric}-${fact.period}-${k}`} data-fact-value={fact.value}>
              <strong>{fact.text}</strong> {fact.metric}, {fact.period}
              {fact.scope.site ? `, ${fact.scope.site}` : ''}
              {fact.baseline ? `, ${t('renewal.against', { baseline: fact.baseline })}` : ''} (
              {t('renewal.source', { source: fact.source })})
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function RecommendationCard({ card }: { card: Scorecard }) {
  const rec = card.recommendation;
  const tone = DECISION_TONE[rec.decision];
  const t = useT();
  return (
    <section
      className="card section"
      aria-labelledby="renewal-rec-title"
      data-testid="renewal-recommendation"
      data-decision={rec.decision}
    >
      <h2 id="renewal-rec-title" className="stat-label">
        {t('renewal.recommendation', { term: card.termSoFar.display })}
      </h2>
      <p className="stat-value">
        <span className={`badge badge-${tone}`}>
          <span aria-hidden="true">{DECISION_MARK[rec.decision]}</span>{' '}
          {t('scorecard.decision', { decision: rec.decision })}
        </span>
      </p>
      <p className="muted">
        {card.contract.vendor} ·{' '}
        {t('renewal.meta', {
          version: card.contract.version,
          from: formatDate(card.contract.term.start),
          to: formatDate(card.contract.term.end),
          asOf: formatDate(card.asOf),
          zone: card.contract.timezone,
        })}
      </p>
      <h3>{t('renewal.why')}</h3>
      <ol>
        {rec.reasons.map((reason, i) => (
          <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-reason" />
        ))}
      </ol>
      {rec.otherReasons.length > 0 && (
        <details>
          <summary>{t('renewal.alsoFound', { count: rec.otherReasons.length })}</summary>
          <ol>
            {rec.otherReasons.map((reason, i) => (
              <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-other-reason" />
            ))}
          </ol>
        </details>
      )}
      <details>
        <summary>
          {t('renewal.rules', { fired: rec.rules.filter((r) => r.fired).length, count: rec.rules.length })}
        </summary>
        <ul>
          {rec.rules.map((rule) => (
            <li key={rule.id}>
              <span aria-hidden="true">{rule.fired ? '● ' : '○ '}</span>
              <code>{rule.id}</code> ({t('renewal.decision', { decision: rule.recommendation })}):{' '}
              {rule.fired ? t('renewal.fired') : t('renewal.notFired')}. <span className="muted">{rule.condition}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
