import { useId, useState } from 'react';
import { ErrorBanner, Loading } from '../components/error-banner';
import { DIRECTION_TEXT, INTERVAL_TEXT, UNIT_TEXT } from '../components/metric-label';
import type { MetricInfo } from '../lib/types';
import { useCatalog } from '../state/catalog';

const FAMILY_TEXT: Record<string, string> = {
  contact: 'Contact outcomes',
  qa: 'Quality assurance',
  remote_operations: 'Remote operations',
  security: 'Security and continuity',
  value: 'Value (needs a contract)',
  custom: 'Your own metrics (kind Metric)',
};

const maturityText = (m: Record<string, string>): string =>
  m.after === 'period_end'
    ? 'at the period end'
    : m.param
      ? `after the period end plus ${m.param}`
      : JSON.stringify(m);

const defaultText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function Entry({ info }: { info: MetricInfo }) {
  return (
    <article className="card glossary-entry" id={`metric-${info.id}`} data-testid={`glossary-${info.id}`}>
      <h3>
        {info.label.singular} <code>{info.id}</code>
      </h3>
      <dl className="facts">
        <div>
          <dt>Formula</dt>
          <dd>{info.formula}</dd>
        </div>
        <div>
          <dt>n counts</dt>
          <dd>{info.n}</dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{UNIT_TEXT[info.unit] ?? info.unit}</dd>
        </div>
        <div>
          <dt>Direction</dt>
          <dd>{DIRECTION_TEXT[info.direction] ?? info.direction}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>{INTERVAL_TEXT[info.interval] ?? info.interval}</dd>
        </div>
        <div>
          <dt>Final</dt>
          <dd>{maturityText(info.maturity)}</dd>
        </div>
        <div>
          <dt>Reads</dt>
          <dd>{info.datasets.join(', ')}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd>
            {info.params.length === 0
              ? 'none'
              : info.params.map((p) => (
                  <span key={p.name} className="param">
                    <code>{p.name}</code> (default {defaultText(p.default)}): {p.description}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** Every metric's written definition: the same text the tooltips show. */
export function GlossaryPage() {
  const { metrics, error } = useCatalog();
  const [filter, setFilter] = useState('');
  const searchId = useId();
  const needle = filter.trim().toLowerCase();
  const shown = metrics.filter(
    (m) =>
      !needle ||
      m.id.includes(needle) ||
      m.label.singular.toLowerCase().includes(needle) ||
      m.formula.toLowerCase().includes(needle),
  );
  const families = [...new Set(shown.map((m) => m.family))];
  return (
    <section aria-labelledby="glossary-title">
      <h1 id="glossary-title">Metric glossary</h1>
      <p className="muted">
        One written definition per metric, shown wherever its value is shown. Every value comes with n and a
        95% interval.
      </p>
      <div className="field field-inline">
        <label htmlFor={searchId}>Find a metric</label>
        <input
          id={searchId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="glossary-filter"
        />
      </div>
      <ErrorBanner error={error} />
      {metrics.length === 0 && !error && <Loading what="the catalog" />}
      {families.map((family) => (
        <section key={family} className="section" aria-labelledby={`family-${family}`}>
          <h2 id={`family-${family}`}>{FAMILY_TEXT[family] ?? family}</h2>
          <div className="glossary-grid">
            {shown
              .filter((m) => m.family === family)
              .map((m) => (
                <Entry key={m.id} info={m} />
              ))}
          </div>
        </section>
      ))}
    </section>
  );
}
