import { MetricLabel } from '../components/metric-label';
import { StatusBadge } from '../components/status-badge';
import { Value } from '../components/value';
import { formatTarget } from '../lib/format';
import type { KeyMeasurementStatus } from '../lib/types';
import { TableDownloads } from '../components/table-downloads';

/** Remote-operations and security thresholds of the contract: measured, threshold, met or not (in words). */
export function KeyMeasurements({ items, period }: { items: KeyMeasurementStatus[]; period: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="key-title" className="section">
      <h2 id="key-title">Key measurements</h2>
      <div className="table-wrap">
        <table className="stack" data-testid="key-measurements">
          <caption>Remote operations and security thresholds, {period}</caption>
          <thead>
            <tr>
              <th scope="col">Measurement</th>
              <th scope="col">Value</th>
              <th scope="col">Threshold</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.metric} data-testid={`key-${item.metric}`}>
                <th scope="row">
                  <MetricLabel id={item.metric} label={item.label} />
                </th>
                <td data-label="Value">
                  <Value result={item.result} compact />
                </td>
                <td data-label="Threshold">
                  {item.direction === 'lower' ? 'at most' : 'at least'}{' '}
                  {formatTarget(item.threshold, item.result.unit)}
                </td>
                <td data-label="Status">
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
