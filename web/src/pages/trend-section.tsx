import { useMemo } from 'react';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ResultTable } from '../components/result-table';
import type { QueryBody } from '../lib/types';
import { useQuery } from '../lib/use-resource';
import { useT } from '../lib/i18n';

interface Props {
  title: string;
  query: QueryBody;
  unit: string;
  target: number | null;
  testId: string;
}

/** One metric as a time series (day or week) with its interval band and the target line, and the same numbers as a table. */
export function TrendSection({ title, query, unit, target, testId }: Props) {
  const series = useQuery(query);
  const t = useT();
  const results = series.data ?? [];
  const option = useMemo(
    () => seriesOption({ series: [{ name: title, results }], unit, target }),
    [title, results, unit, target],
  );
  return (
    <section className="section" aria-label={title}>
      <h2>{title}</h2>
      <ErrorBanner error={series.error} onRetry={series.reload} />
      {series.loading && <Loading what={t('drill.whatSeries')} />}
      {series.data && (
        <>
          <EChart
            option={option}
            label={t('drill.seriesLabel', { title, count: results.length, target: target !== null ? 'yes' : 'no' })}
            testId={testId}
          />
          <details>
            <summary>{t('drill.numbers', { count: results.length })}</summary>
            <ResultTable
              caption={title}
              rowHeader={query.grain === 'week' ? t('drill.weekOf') : t('drill.day')}
              rows={results.map((r) => ({
                key: r.group.bucket ?? '',
                label: r.group.bucket ?? '',
                result: r,
              }))}
              target={target}
            />
          </details>
        </>
      )}
    </section>
  );
}
