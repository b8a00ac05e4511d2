import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { MeasurementPeriod, MeasurementRow, Scorecard } from '../../../src/core/renewal/types';
import { colorAt } from '../charts/palette';
import { EChart } from '../components/echart';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { formatCount, formatMoney } from '../lib/format';
import { asResult, fixed, formatChange, formatPercent, formatValue } from './renewal-format';

/** The scorecard's later sections: money by settlement period, value per contact, operations and security, recalibrations. */

export function MoneySection({ card }: { card: Scorecard }) {
  const { money } = card;
  const c = money.currency;
  const m = (x: string) => formatMoney(x, c);
  const t = money.term;
  return (
    <section className="section" aria-labelledby="renewal-money-title">
      <h2 id="renewal-money-title">Money paid and withheld</h2>
      <p className="muted">
        The invoice of each settlement period, computed with the versions in force (not stored). Withheld, net
        of bonuses and caps:{' '}
        <strong data-testid="renewal-withheld-share">{formatPercent(t.withheldShare)}</strong> of the amount
        at risk.
      </p>
      <div className="table-wrap">
        <table className="stack compact" data-testid="renewal-money">
          <caption>Invoices by settlement period, {c}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Base fee
              </th>
              <th scope="col" className="num">
                At risk
              </th>
              <th scope="col" className="num">
                Bonuses
              </th>
              <th scope="col" className="num">
                Penalties
              </th>
              <th scope="col" className="num">
                Caps
              </th>
              <th scope="col" className="num">
                Adjustments
              </th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {money.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label="Kind">
                  {p.kind} (v{p.versions.join(', v')})
                </td>
                <td data-label="Base fee" className="num">
                  {m(p.baseFee)}
                </td>
                <td data-label="At risk" className="num">
                  {m(p.atRisk)}
                </td>
                <td data-label="Bonuses" className="num">
                  {m(p.bonuses)}
                </td>
                <td data-label="Penalties" className="num">
                  {m(p.penalties)}
                </td>
                <td data-label="Caps" className="num">
                  {m(p.caps)}
                </td>
                <td data-label="Adjustments" className="num">
                  {m(p.adjustments)}
                </td>
                <td data-label="Total" className="num">
                  {m(p.total)}
                </td>
              </tr>
            ))}
            <tr className="row-total">
              <th scope="row">Term so far</th>
              <td data-label="Kind" />
              <td data-label="Base fee" className="num">
                {m(t.baseFee)}
              </td>
              <td data-label="At risk" className="num">
                {m(t.atRisk)}
              </td>
              <td data-label="Bonuses" className="num">
                {m(t.bonuses)}
              </td>
              <td data-label="Penalties" className="num">
                {m(t.penalties)}
              </td>
              <td data-label="Caps" className="num">
                {m(t.caps)}
              </td>
              <td data-label="Adjustments" className="num">
                {m(t.adjustments)}
              </td>
              <td data-label="Total" className="num">
                {m(t.total)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ValueSection({ card }: { card: Scorecard }) {
  const { value } = card;
  const c = card.contract.currency;
  const money = (x: number | null) => formatValue(x, 'money', '', c);
  const option = useMemo((): EChartsOption => {
    const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
    return {
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: value.periods.map((p) => p.display) },
      yAxis: { type: 'value', name: c, nameTextStyle: { align: 'right' } },
      series: [
        {
          type: 'line',
          name: 'cost per contact',
          color: colorAt(1),
          lineStyle: { type: 'dashed' },
          data: value.periods.map((p) => round(p.costPerContact)),
        },
        {
          type: 'line',
          name: 'value per contact',
          color: colorAt(2),
          data: value.periods.map((p) => round(p.valuePerContact)),
        },
      ],
    };
  }, [value, c]);
  const label = `Cost and value per contact by quarter: ${value.periods
    .map((p) => `${p.display} cost ${money(p.costPerContact)}, value ${money(p.valuePerContact)}`)
    .join('; ')}`;
  return (
    <section className="section" aria-labelledby="renewal-value-title">
      <h2 id="renewal-value-title">Cost per contact against value per contact</h2>
      <p>
        From the first quarter to the latest, cost per contact moved{' '}
        <strong data-testid="renewal-cost-change">{formatChange(value.costChange)}</strong> and value per
        contact <strong data-testid="renewal-value-change">{formatChange(value.valueChange)}</strong>.
      </p>
      <EChart option={option} label={label} height={240} testId="renewal-value-chart" />
      <div className="table-wrap">
        <table className="stack compact">
          <caption>Cost and value per contact by quarter, {c}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                Contacts
              </th>
              <th scope="col" className="num">
                Cost per contact
              </th>
              <th scope="col" className="num">
                Value per contact
              </th>
              <th scope="col" className="num">
                Value / cost
              </th>
            </tr>
          </thead>
          <tbody>
            {value.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.display}</th>
                <td data-label="Contacts" className="num">
                  {formatCount(p.contacts)}
                </td>
                <td data-label="Cost per contact" className="num">
                  {money(p.costPerContact)}
                </td>
                <td data-label="Value per contact" className="num">
                  {money(p.valuePerContact)}
                </td>
                <td data-label="Value / cost" className="num">
                  {p.costPerContact && p.valuePerContact !== null
                    ? fixed(p.valuePerContact / p.costPerContact, 2)
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
        </div>
      )}
    </section>
  );
}

export function RecalibrationSection({ card }: { card: Scorecard }) {
  const r = card.recalibrations;
  const fired = r.triggers.filter((t) => t.fired.length > 0);
  return (
    <section className="section" aria-labelledby="renewal-recal-title" data-testid="renewal-recalibrations">
      <h2 id="renewal-recal-title">Recalibrations</h2>
      <h3>Versions</h3>
      <ul>
        {r.versions.map((v) => (
          <li key={v.version}>
            v{v.version}, effective {v.effectiveFrom} ({v.origin})
          </li>
        ))}
      </ul>
      <h3>Proposals</h3>
      {r.proposals.length === 0 ? (
        <p>No recalibration was proposed in the term so far.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Recalibration proposals and each party's decision</caption>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Period</th>
                <th scope="col">Triggers</th>
                <th scope="col">Status</th>
                <th scope="col">Effective</th>
                <th scope="col">Decisions</th>
              </tr>
            </thead>
            <tbody>
              {r.proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.id}</th>
                  <td data-label="Period">{p.period}</td>
                  <td data-label="Triggers">{p.triggersFired.join(', ') || '–'}</td>
                  <td data-label="Status">
                    {p.status}
                    {p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`}
                  </td>
                  <td data-label="Effective">{p.effectiveFrom}</td>
                  <td data-label="Decisions">
                    {p.decisions
                      .map((d) => `${d.party} ${d.decision} ${d.decidedAt.slice(0, 10)}`)
                      .join('; ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Triggers by quarter</h3>
      {r.triggers.length === 0 ? (
        <p className="muted">The contract has no recalibration triggers.</p>
      ) : fired.length === 0 ? (
        <p>No trigger fired in any quarter of the term so far.</p>
      ) : (
        <ul>
          {fired.map((t) => (
            <li key={t.period}>
              <strong>{t.display}</strong> (against {t.reference}):{' '}
              {t.fired.map((f) => `${f.measure}: ${f.arithmetic}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
