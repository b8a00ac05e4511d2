import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import type { MetricResult } from '../lib/types';
import { useCatalog } from '../state/catalog';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** Months by automation metric, every cell with n and its interval. */
export function AutomationTable({
  results,
  metrics,
  year,
}: {
  results: MetricResult[];
  metrics: readonly string[];
  year: string;
}) {
  const { byId } = useCatalog();
  const t = useT();
  const months = [...new Set(results.map((r) => r.group.bucket ?? ''))].sort();
  return (
    <div className="table-wrap section">
      <table className="wide stack" data-testid="automation-table">
        <caption>{t('auto.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auto.month')}</th>
            {metrics.map((m) => (
              <th scope="col" key={m}>
                <MetricLabel id={m} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{month.slice(0, 7)}</th>
              {metrics.map((m) => (
                <td key={m} data-label={byId.get(m)?.label.singular ?? m}>
                  <Value result={results.find((r) => r.metric === m && r.group.bucket === month)} compact />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}
