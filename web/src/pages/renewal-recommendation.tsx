import type { Reason, RecommendationId, Scorecard } from '../../../src/core/renewal/types';

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

const SOURCE_TEXT: Record<string, string> = {
  metric: 'metric engine',
  settlement: 'settlement',
  value: 'value metrics',
};

function ReasonItem({ reason, index, prefix }: { reason: Reason; index: number; prefix: string }) {
  return (
    <li data-testid={`${prefix}-${index}`} data-rule={reason.rule}>
      <p className="reason-text">{reason.text}</p>
      {reason.facts.length > 0 && (
        <ul className="muted" aria-label="The numbers this reason rests on">
          {reason.facts.map((fact, k) => (
            <li key={`${fact.metric}-${fact.period}-${k}`} data-fact-value={fact.value}>
              <strong>{fact.text}</strong> {fact.metric}, {fact.period}
              {fact.scope.site ? `, ${fact.scope.site}` : ''}
              {fact.baseline ? `, against ${fact.baseline}` : ''} ({SOURCE_TEXT[fact.source] ?? fact.source})
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
  return (
    <section
      className="card section"
      aria-labelledby="renewal-rec-title"
      data-testid="renewal-recommendation"
      data-decision={rec.decision}
    >
      <h2 id="renewal-rec-title" className="stat-label">
        Recommendation, {card.termSoFar.display}
      </h2>
      <p className="stat-value">
        <span className={`badge badge-${tone}`}>
          <span aria-hidden="true">{DECISION_MARK[rec.decision]}</span> {rec.label}
        </span>
      </p>
      <p className="muted">
        {card.contract.vendor} · version {card.contract.version} · term {card.contract.term.start} to{' '}
        {card.contract.term.end} · as of {card.asOf.slice(0, 10)} ({card.contract.timezone})
      </p>
      <h3>Why</h3>
      <ol>
        {rec.reasons.map((reason, i) => (
          <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-reason" />
        ))}
      </ol>
      {rec.otherReasons.length > 0 && (
        <details>
          <summary>Also found ({rec.otherReasons.length}, milder recommendations)</summary>
          <ol>
            {rec.otherReasons.map((reason, i) => (
              <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-other-reason" />
            ))}
          </ol>
        </details>
      )}
      <details>
        <summary>
          The rules ({rec.rules.filter((r) => r.fired).length} of {rec.rules.length} fired)
        </summary>
        <ul>
          {rec.rules.map((rule) => (
            <li key={rule.id}>
              <span aria-hidden="true">{rule.fired ? '● ' : '○ '}</span>
              <code>{rule.id}</code> ({rule.recommendation.replaceAll('_', ' ')}):{' '}
              {rule.fired ? 'fired' : 'did not fire'}. <span className="muted">{rule.condition}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
