import { useMemo } from 'react';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ResultTable } from '../components/result-table';
import type { QueryBody } from '../lib/types';
import { useQuery } from '../lib/use-resource';

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
  const results = series.data ?? [];
  const option = useMemo(
    () => seriesOption({ series: [{ name: title, results }], unit, target }),
    [title, results, unit, target],
  );
  return (
    <section className="section" aria-label={title}>
      <h2>{title}</h2>
      <ErrorBanner error={series.error} onRetry={series.reload} />
      {series.loading && <Loading what="the time series" />}
      {series.data && (
        <>
          <EChart
            option={option}
            label={`${title}: ${results.length} points${target !== null ? ', target line' : ''}`}
            testId={testId}
          />
          <details>
            <summary>The numbers ({results.length} rows)</summary>
            <ResultTable
              caption={title}
              rowHeader={query.grain === 'week' ? 'Week of' : 'Day'}
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
