import type { MeasurementPeriod, MeasurementRow, Scorecard } from '../../../src/core/renewal/types';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import type { MessageKey } from '../../../src/core/i18n/index';
import { formatCount } from '../lib/format';
import { useT } from '../lib/i18n';
import { asResult, formatPercent, formatValue } from './renewal-format';
import { TableDownloads } from '../components/table-downloads';

/** The scorecard's remote operations and security: each key measurement by quarter against the contract, and attrition by site. */

const STATUS: Record<MeasurementPeriod['status'], MessageKey | null> = {
  met: 'renewal.met',
  missed: 'renewal.missed',
  no_data: 'renewal.noData',
  no_threshold: null,
};

function MeasurementCell({ row, p, label }: { row: MeasurementRow; p: MeasurementPeriod; label: string }) {
  const t = useT();
  const key =
    p.status === 'missed' ? (p.evidentMiss ? 'renewal.evidentMiss' : 'renewal.below') : STATUS[p.status];
  const status = key ? t(key) : '';
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
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="stack compact" data-testid={`renewal-${group.replace('_', '-')}`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('key.measurement')}</th>
            <th scope="col">{t('contracts.contract')}</th>
            {card.quarters.map((q) => (
              <th scope="col" key={q.period}>
                {q.display}
              </th>
            ))}
            <th scope="col">{t('renewal.termSoFar')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.metric} data-testid={`renewal-measurement-${r.metric}`}>
              <th scope="row">
                <MetricLabel id={r.metric} label={r.label} />
                <span className="th-note">{r.source ?? t('renewal.noThreshold')}</span>
              </th>
              <td data-label={t('contracts.contract')}>
                {r.threshold === null
                  ? '–'
                  : t(r.direction === 'lower' ? 'key.atMost' : 'key.atLeast', {
                      value: formatValue(r.threshold, r.unit, r.metric),
                    })}
              </td>
              {r.periods.map((p, i) => (
                <MeasurementCell
                  key={p.period}
                  row={r}
                  p={p}
                  label={card.quarters[i]?.display ?? p.display}
                />
              ))}
              <td data-label={t('renewal.termSoFar')}>
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
  const t = useT();
  return (
    <section className="section" aria-labelledby="renewal-ops-title">
      <h2 id="renewal-ops-title">{t('renewal.ops')}</h2>
      <p className="muted">
        {t('renewal.opsIntro', {
          miss: formatPercent(settings.accessMissFloor),
          breach: formatPercent(settings.accessBreachFloor),
        })}
      </p>
      <MeasurementTable card={card} group="remote_operations" title={t('renewal.opsByQuarter')} />
      <MeasurementTable card={card} group="security" title={t('renewal.securityByQuarter')} />
      {card.attritionBySite.length > 0 && (
        <div className="table-wrap">
          <table className="stack compact" data-testid="renewal-attrition">
            <caption>{t('renewal.attrition')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.site')}</th>
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
                      <span className="th-note">{t('renewal.headcount', { n: formatCount(p.n) })}</span>
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
