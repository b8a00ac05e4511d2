import { type Language, metricLabel } from '../../../src/core/i18n/index';
import { formatCount } from '../lib/format';
import type { T } from '../lib/i18n';
import type { InvoiceLine } from '../lib/types';

/**
 * An invoice line's label in the user's language. The server writes it in English (the
 * stored settlement keeps it so); the base fee line is rewritten from its trace, an outcome
 * line's catalog metric label is swapped for the language's, a contract's own names stay.
 */
export function lineLabel(t: T, language: Language, line: InvoiceLine): string {
  if (language === 'en') return line.label;
  if (line.kind === 'base_fee')
    return t('settle.baseFeeLine', {
      units: formatCount(Number(line.trace.units)),
      unit: line.trace.unit,
      rate: line.trace.rate,
    });
  if (line.kind !== 'outcome') return line.label;
  const english = metricLabel(line.trace.metric, 'en');
  const insufficient = ' (insufficient data)';
  const short = line.label.endsWith(insufficient) ? line.label.slice(0, -insufficient.length) : line.label;
  if (!short.endsWith(`: ${english}`)) return line.label;
  const portfolio = short.slice(0, -english.length - 2);
  const label = `${portfolio}: ${metricLabel(line.trace.metric, language)}`;
  return short === line.label ? label : `${label} (${t('value.insufficient')})`;
}
