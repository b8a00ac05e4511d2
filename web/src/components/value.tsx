import { formatCount, formatValue, intervalText } from '../lib/format';
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
  if (!result) return <span className="value value-empty">–</span>;
  const interval = intervalText(result, currency);
  const main = formatValue(result.value, result.unit, currency);
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
      {result.insufficient && <span className="tag tag-warn">insufficient data</span>}
      <span className="value-meta">
        n = {formatCount(result.n)}
        {interval ? (
          <>
            {' · '}
            <abbr title="95% confidence interval">95% CI</abbr> {interval}
          </>
        ) : (
          ' · no interval'
        )}
      </span>
      {!result.matured && result.maturesOn && (
        <span className="value-meta">provisional until {result.maturesOn}</span>
      )}
      {result.warnings?.map((warning) => (
        <span key={warning} className="value-meta value-warning">
          {warning}
        </span>
      ))}
    </span>
  );
}
