import { MetricLabel } from '../components/metric-label';
import { StatusBadge } from '../components/status-badge';
import { Value } from '../components/value';
import { formatTarget } from '../lib/format';
import type { KeyMeasurementStatus } from '../lib/types';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** Remote-operations and security thresholds of the contract: measured, threshold, met or not (in words). */
export function KeyMeasurements({ items, period }: { items: KeyMeasurementStatus[]; period: string }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="key-title" className="section">
      <h2 id="key-title">{t('key.title')}</h2>
      <div className="table-wrap">
        <table className="stack" data-testid="key-measurements">
          <caption>{t('key.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('key.measurement')}</th>
              <th scope="col">{t('common.value')}</th>
              <th scope="col">{t('key.threshold')}</th>
              <th scope="col">{t('key.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.metric} data-testid={`key-${item.metric}`}>
                <th scope="row">
                  <MetricLabel id={item.metric} label={item.label} />
                </th>
                <td data-label={t('common.value')}>
                  <Value result={item.result} compact />
                </td>
                <td data-label={t('key.threshold')}>
                  {t(item.direction === 'lower' ? 'key.atMost' : 'key.atLeast', {
                    value: formatTarget(item.threshold, item.result.unit),
                  })}
                </td>
                <td data-label={t('key.status')}>
                  <StatusBadge status={item.met === null ? 'no_data' : item.met ? 'met' : 'not_met'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
    </section>
  );
}
