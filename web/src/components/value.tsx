import { displayUnit, formatCount, formatDate, formatValue, intervalText } from '../lib/format';
import { useT } from '../lib/i18n';
import { useMetricInfo } from '../state/catalog';
import type { MetricResult } from '../lib/types';

interface Props {
  result: MetricResult | undefined;
  currency?: string;
  /** One line (tables): the value, then n and the interval in smaller text. */
  compact?: boolean;
}

/**
 * Every number on every page goes through here: the value formatted by its unit with its n
 * and 95% interval, marked insufficient or provisional when it is. The raw numbers ride in
 * data attributes so a test can compare the same scope across pages.
 */
export function Value({ result, currency, compact = false }: Props) {
  const info = useMetricInfo(result?.metric ?? '');
  const t = useT();
  if (!result) return <span className="value value-empty">–</span>;
  const unit = displayUnit(info, result.unit);
  const interval = intervalText({ ...result, unit }, currency);
  // A count of nothing is 0 with "no data"; a rate with no denominator has no value.
  const main = formatValue(result.value ?? (result.n === 0 && unit === 'count' ? 0 : null), unit, currency);
  const noData = result.n === 0;
  return (
    <span
      className={`value${compact ? ' value-compact' : ''}${result.insufficient ? ' value-insufficient' : ''}`}
      data-testid="value"
      data-metric={result.metric}
      data-value={result.value ?? ''}
      data-n={result.n}
      data-low={result.low ?? ''}
      data-high={result.high ?? ''}
    >
      <span className="value-main">{main}</span>
      {noData && <span className="tag">{t('value.noData')}</span>}
      {result.insufficient && !noData && <span className="tag tag-warn">{t('value.insufficient')}</span>}
      <span className="value-meta">
        n = {formatCount(result.n)}
        {interval ? (
          <>
            {' · '}
            <abbr title={t('value.ciTitle')}>{t('value.ci')}</abbr> {interval}
          </>
        ) : (
          ` · ${t('value.noInterval')}`
        )}
      </span>
      {!result.matured && result.maturesOn && (
        <span className="value-meta">{t('value.provisionalUntil', { date: formatDate(result.maturesOn) })}</span>
      )}
      {result.warnings?.map((warning) => (
        <span key={warning} className="value-meta value-warning">
          {warning}
        </span>
      ))}
    </span>
  );
}
