import { useMemo, useState } from 'react';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { SelectField } from '../components/select-field';
import { groupText } from '../lib/format';
import type { Threshold } from '../lib/thresholds';
import type { MetricResult, QueryBody } from '../lib/types';
import { useQueries } from '../lib/use-resource';
import { useCatalog } from '../state/catalog';
import { useT } from '../lib/i18n';

interface Props {
  /** The by-site queries of the page; the trend asks them once per quarter. */
  bases: QueryBody[];
  quarters: string[];
  metrics: readonly string[];
  thresholds: Record<string, Threshold>;
}

/** Each site's remote-operations metric quarter by quarter (the same scope as the table, asked per quarter). */
export function OperationsTrend({ bases, quarters, metrics, thresholds }: Props) {
  const { byId } = useCatalog();
  const t = useT();
  const [metric, setMetric] = useState<string>(metrics[1] ?? metrics[0] ?? 'adherence');
  const bodies = quarters.flatMap((period) => bases.map((base) => ({ ...base, period })));
  const answers = useQueries(bodies);
  const series = useMemo(() => {
    const bySite = new Map<string, MetricResult[]>();
    answers.data?.forEach((results, i) => {
      const quarter = quarters[Math.floor(i / Math.max(1, bases.length))] ?? '';
      for (const r of results.filter((x) => x.metric === metric)) {
        const name = groupText(r.group);
        const list = bySite.get(name) ?? [];
        list.push({ ...r, group: { ...r.group, quarter } });
        bySite.set(name, list);
      }
    });
    return [...bySite.entries()].map(([name, results]) => ({ name, results }));
  }, [answers.data, metric, quarters, bases.length]);
  const unit = series[0]?.results[0]?.unit ?? byId.get(metric)?.unit ?? 'ratio';
  const option = useMemo(
    () => seriesOption({ series, unit, target: thresholds[metric]?.value ?? null, xKey: 'quarter' }),
    [series, unit, thresholds, metric],
  );
  const label = byId.get(metric)?.label.singular ?? metric;
  return (
    <section className="section" aria-labelledby="ops-trend-title">
      <h2 id="ops-trend-title">{t('ops.trend')}</h2>
      <div className="toolbar">
        <SelectField
          label={t('common.metric')}
          value={metric}
          options={metrics.map((m) => ({ value: m, label: byId.get(m)?.label.singular ?? m }))}
          onChange={setMetric}
          testId="ops-trend-metric"
        />
      </div>
      <ErrorBanner error={answers.error} onRetry={answers.reload} />
      {answers.loading && <Loading what={t('ops.whatTrend')} />}
      {answers.data && (
        <EChart
          option={option}
          label={t('ops.trendLabel', { label, from: quarters[0] ?? '', to: quarters.at(-1) ?? '' })}
          testId="chart-ops-trend"
        />
      )}
    </section>
  );
}
