import { useId, useState } from 'react';
import { ErrorBanner, Loading } from '../components/error-banner';
import type { MessageKey } from '../../../src/core/i18n/index';
import { termText } from '../components/metric-label';
import { hasMessage, type T, useT } from '../lib/i18n';
import type { MetricInfo } from '../lib/types';
import { useCatalog } from '../state/catalog';

const familyText = (t: T, family: string): string =>
  hasMessage(`glossary.family.${family}`) ? t(`glossary.family.${family}` as MessageKey) : family;

const maturityText = (t: T, m: Record<string, string>): string =>
  m.after === 'period_end'
    ? t('glossary.atPeriodEnd')
    : m.param
      ? t('glossary.afterParam', { param: m.param })
      : JSON.stringify(m);

const defaultText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function Entry({ info }: { info: MetricInfo }) {
  const t = useT();
  return (
    <article className="card glossary-entry" id={`metric-${info.id}`} data-testid={`glossary-${info.id}`}>
      <h3>
        {info.label.singular} <code>{info.id}</code>
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('glossary.formula')}</dt>
          <dd>{info.formula}</dd>
        </div>
        <div>
          <dt>{t('glossary.nCounts')}</dt>
          <dd>{info.n}</dd>
        </div>
        <div>
          <dt>{t('glossary.unit')}</dt>
          <dd>{termText(t, 'unit', info.unit)}</dd>
        </div>
        <div>
          <dt>{t('glossary.direction')}</dt>
          <dd>{termText(t, 'direction', info.direction)}</dd>
        </div>
        <div>
          <dt>{t('glossary.interval')}</dt>
          <dd>{termText(t, 'interval', info.interval)}</dd>
        </div>
        <div>
          <dt>{t('glossary.final')}</dt>
          <dd>{maturityText(t, info.maturity)}</dd>
        </div>
        <div>
          <dt>{t('glossary.reads')}</dt>
          <dd>{info.datasets.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('glossary.parameters')}</dt>
          <dd>
            {info.params.length === 0
              ? t('glossary.none')
              : info.params.map((p) => (
                  <span key={p.name} className="param">
                    <code>{p.name}</code> ({t('glossary.default', { value: defaultText(p.default) })}): {p.description}
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
  const t = useT();
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
      <h1 id="glossary-title">{t('glossary.title')}</h1>
      <p className="muted">{t('glossary.intro')}</p>
      <div className="field field-inline">
        <label htmlFor={searchId}>{t('glossary.find')}</label>
        <input
          id={searchId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="glossary-filter"
        />
      </div>
      <ErrorBanner error={error} />
      {metrics.length === 0 && !error && <Loading what={t('glossary.whatCatalog')} />}
      {families.map((family) => (
        <section key={family} className="section" aria-labelledby={`family-${family}`}>
          <h2 id={`family-${family}`}>{familyText(t, family)}</h2>
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
