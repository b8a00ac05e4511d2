import { ErrorBanner, Loading } from '../components/error-banner';
import { useT } from '../lib/i18n';
import type { Me } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { localTime } from './rfp-list-page';
import { Classification } from './rfp-classification';
import { Ranking } from './rfp-ranking';
import { AgreementSection, SectionScores } from './rfp-scores';
import { Sensitivity } from './rfp-sensitivity';
import type { Comparison } from './rfp-types';

/**
 * `#/rfp/<id>`: the comparison of the responses to the RFP (docs/rfp.md), the JSON of `covenant
 * rfp score --format json`: the ranking with totals and intervals, cost-era vendor or
 * value-era partner with the signals, evaluator agreement, per-section scores and how far
 * each weight must move to change the winner. The client's page.
 */

export function RfpPage({ id, me }: { id: string; me: Me }) {
  const t = useT();
  const comparison = useGet<Comparison>(`/rfps/${encodeURIComponent(id)}/comparison`);
  const data = comparison.data;
  const evaluator = data?.scoring.some((s) => s.evaluator === me.user.email.toLowerCase());
  return (
    <section aria-labelledby="rfp-title">
      <h1 id="rfp-title">{data ? t('rfp.titleOf', { name: data.rfp.displayName }) : t('rfp.title')}</h1>
      <ErrorBanner error={comparison.error} onRetry={comparison.reload} />
      {comparison.loading && <Loading what={t('rfp.what')} />}
      {data && (
        <>
          <p className="muted">
            {data.rfp.name} · {t('rfp.client', { client: data.rfp.client })} ·{' '}
            {t('rfp.responses', { count: data.vendors.length })} ·{' '}
            {t('rfp.evaluators', { count: data.evaluators.length })} (
            {data.evaluators.map((e) => e.name ?? e.id).join(', ')}) ·{' '}
            {t('rfp.scale', { min: data.rfp.scale.min, max: data.rfp.scale.max })}
          </p>
          <p data-testid="rfp-scoring">
            {t('rfps.deadlineWas', { at: localTime(data.deadline) })}{' '}
            {data.scoring
              .map((s) => t('rfps.progress', { evaluator: s.evaluator, scored: s.scored, required: s.required }))
              .join(' · ')}
            {evaluator && (
              <>
                {' '}
                <a href={`#/rfp/${id}/score`} data-testid="rfp-score-link">
                  {t('rfps.scoreLink')}
                </a>
              </>
            )}
          </p>
          <Ranking data={data} />
          <Classification data={data} />
          <AgreementSection data={data} />
          <SectionScores data={data} />
          <Sensitivity data={data} />
          {data.issues.length > 0 && (
            <section className="section" aria-labelledby="rfp-issues-title">
              <h2 id="rfp-issues-title">{t('rfp.notes')}</h2>
              <ul>
                {data.issues.map((issue) => (
                  <li key={`${issue.code}-${issue.file ?? ''}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
