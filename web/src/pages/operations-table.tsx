import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { formatValue } from '../lib/format';
import { meetsThreshold, type Threshold } from '../lib/thresholds';
import type { MetricResult } from '../lib/types';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

export interface OperationsRow {
  key: string;
  label: string;
  total: boolean;
  results: MetricResult[];
}

interface Props {
  caption: string;
  metrics: readonly string[];
  rows: OperationsRow[];
  thresholds: Record<string, Threshold>;
  units: Record<string, string>;
  /** Column names for the stacked layout on phones. */
  labels: Record<string, string>;
}

/** Sites (and the scope's total) by remote-operations metric, each cell with n, interval and whether it meets the contract's level. */
export function OperationsTable({ caption, metrics, rows, thresholds, units, labels }: Props) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="wide stack" data-testid="operations-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.site')}</th>
            {metrics.map((m) => {
              const limit = thresholds[m];
              return (
                <th scope="col" key={m}>
                  <MetricLabel id={m} />
                  {limit && (
                    <span className="th-note">
                      {limit.direction === 'lower' ? '≤' : '≥'} {formatValue(limit.value, units[m] ?? 'ratio')}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={row.total ? 'row-total' : undefined}
              data-testid={`operations-row-${row.key}`}
            >
              <th scope="row">{row.label}</th>
              {metrics.map((m) => {
                const result = row.results.find((r) => r.metric === m);
                const verdict = meetsThreshold(result, thresholds[m]);
                return (
                  <td key={m} data-label={labels[m] ?? m}>
                    <Value result={result} compact />
                    {verdict !== null && (
                      <span className={verdict ? 'verdict verdict-good' : 'verdict verdict-bad'}>
                        {verdict ? t('common.meets') : t('common.misses')}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}
