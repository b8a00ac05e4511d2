import type { MeasurementPeriod, MeasurementRow, Scorecard } from '../../../src/core/renewal/types';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { formatCount } from '../lib/format';
import { asResult, formatPercent, formatValue } from './renewal-format';
import { TableDownloads } from '../components/table-downloads';

/** The scorecard's remote operations and security: each key measurement by quarter against the contract, and attrition by site. */

const STATUS: Record<MeasurementPeriod['status'], string> = {
  met: '✓ met',
  missed: '✗ missed',
  no_data: '– no data',
  no_threshold: '',
};

function MeasurementCell({ row, p, label }: { row: MeasurementRow; p: MeasurementPeriod; label: string }) {
  const status =
    p.status === 'missed'
      ? p.evidentMiss
        ? '✗ missed, with evidence'
        : '? below, interval reaches the level'
      : STATUS[p.status];
  const tone =
    p.status === 'met' ? 'verdict-good' : p.status === 'missed' && p.evidentMiss ? 'verdict-bad' : '';
  const interval =
    p.low !== null && p.high !== null
      ? `${formatValue(p.low, row.unit, row.metric)}–${formatValue(p.high, row.unit, row.metric)}`
      : null;
  return (
    <td data-label={label} data-status={p.status} data-evident-miss={p.evidentMiss}>
      <span className="num">{formatValue(p.value, row.unit, row.metric)}</span>
      <span className="th-note">
        n = {formatCount(p.n)}
        {interval ? ` · ${interval}` : ''}
      </span>
      {status && <span className={`verdict ${tone}`}>{status}</span>}
    </td>
  );
}

function MeasurementTable({
  card,
  group,
  title,
}: {
  card: Scorecard;
  group: MeasurementRow['group'];
  title: string;
}) {
  const rows = card.operations.filter((r) => r.group === group);
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="stack compact" data-testid={`renewal-${group.replace('_', '-')}`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Measurement</th>
            <th scope="col">Contract</th>
            {card.quarters.map((q) => (
              <th scope="col" key={q.period}>
                {q.display}
              </th>
            ))}
            <th scope="col">Term so far</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.metric} data-testid={`renewal-measurement-${r.metric}`}>
              <th scope="row">
                <MetricLabel id={r.metric} label={r.label} />
                <span className="th-note">{r.source ?? 'no threshold'}</span>
              </th>
              <td data-label="Contract">
                {r.threshold === null
                  ? '–'
                  : `${r.direction === 'lower' ? 'at most' : 'at least'} ${formatValue(r.threshold, r.unit, r.metric)}`}
              </td>
              {r.periods.map((p, i) => (
                <MeasurementCell
                  key={p.period}
                  row={r}
                  p={p}
                  label={card.quarters[i]?.display ?? p.display}
                />
              ))}
              <td data-label="Term so far">
                <Value result={asResult(r.metric, r.unit, r.direction, r.term)} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </div>
  );
}

export function OperationsSection({ card }: { card: Scorecard }) {
  const settings = card.recommendation.settings;
  return (
    <section className="section" aria-labelledby="renewal-ops-title">
      <h2 id="renewal-ops-title">Remote operations and security</h2>
      <p className="muted">
        The key measurements the contract sets, per quarter and over the term so far. "Missed, with evidence":
        the whole 95% interval is on the wrong side of the contract's level; "below": the value is, but the
        interval still reaches the level. Access compliance under {formatPercent(settings.accessMissFloor)} is
        a miss, under {formatPercent(settings.accessBreachFloor)} a material breach.
      </p>
      <MeasurementTable card={card} group="remote_operations" title="Remote operations by quarter" />
      <MeasurementTable card={card} group="security" title="Security and continuity by quarter" />
      {card.attritionBySite.length > 0 && (
        <div className="table-wrap">
          <table className="stack compact" data-testid="renewal-attrition">
            <caption>Annualised agent attrition by site (mean headcount)</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                {card.quarters.map((q) => (
                  <th scope="col" key={q.period}>
                    {q.display}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {card.attritionBySite.map((s) => (
                <tr key={s.site}>
                  <th scope="row">{s.site}</th>
                  {s.periods.map((p, i) => (
                    <td key={p.period} data-label={card.quarters[i]?.display ?? p.display}>
                      <span className="num">{formatValue(p.value, 'ratio', 'attrition')}</span>
                      <span className="th-note">headcount {formatCount(p.n)}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
    </section>
  );
}
