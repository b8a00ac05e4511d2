import { useMemo } from 'react';
import { barOption } from '../charts/bar-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ResultTable } from '../components/result-table';
import type { QueryBody } from '../lib/types';
import { useQuery } from '../lib/use-resource';
import { useT } from '../lib/i18n';

interface Props {
  base: QueryBody;
  dimension: 'channel' | 'path' | 'workflow' | 'language';
  title: string;
  unit: string;
  target: number | null;
  label: string;
}

/** The metric for the period broken down by one dimension (same scope and zone as the headline). */
export function DimensionBreakdown({ base, dimension, title, unit, target, label }: Props) {
  const answer = useQuery({ ...base, by: [dimension] });
  const t = useT();
  const rows = useMemo(
    () => (answer.data ?? []).map((r) => ({ label: r.group[dimension] ?? '–', result: r })),
    [answer.data, dimension],
  );
  const option = useMemo(() => barOption(rows, unit, target), [rows, unit, target]);
  return (
    <section className="section" aria-labelledby={`by-${dimension}-title`}>
      <h2 id={`by-${dimension}-title`}>{title}</h2>
      <ErrorBanner error={answer.error} onRetry={answer.reload} />
      {answer.loading && <Loading what={title} />}
      {answer.data && (
        <div className="split">
          <EChart
            option={option}
            label={t('drill.chartBy', { label, title })}
            height={Math.max(160, rows.length * 48)}
            testId={`chart-by-${dimension}`}
          />
          <ResultTable
            caption={t('drill.captionBy', { label, title, period: base.period })}
            rowHeader={t('drill.dimension', { dimension })}
            rows={rows.map((r) => ({ key: r.label, ...r }))}
            target={target}
            testId={`table-by-${dimension}`}
          />
        </div>
      )}
    </section>
  );
}
