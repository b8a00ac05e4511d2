import {
  formatDate,
  type Language,
  LOCALES,
  metricDefinition,
  metricLabel,
  type Translate,
  translator,
} from '../i18n/index.js';
import { metricInfo } from '../metric/catalog.js';

/**
 * The scorecard document's language: its messages (src/core/i18n, `scorecard.*`), metric
 * labels and definitions, dates, and numbers written the locale's way. The scorecard's
 * numbers are formatted once, in English style (format.ts, as the reasons quote them), and
 * localised here in the document's text: only numbers with a decimal point or thousands
 * commas change (84.4% -> 84,4%, 1,234.50 -> 1 234,50), so years, ids and dates stay as they are.
 */
export interface Words {
  language: Language;
  t: Translate;
  /** A date (YYYY-MM-DD or an instant) as the locale writes it. */
  date(text: string): string;
  /** A catalog metric's label in the language; a contract's own label stays as written. */
  label(metric: string, written: string): string;
}

export function wordsOf(language: Language): Words {
  return {
    language,
    t: translator(language),
    date: (text) => (/^\d{4}-\d{2}-\d{2}/.test(text) ? formatDate(text, language) : text),
    label: (metric, written) =>
      language !== 'en' && metricInfo(metric)?.label.singular === written
        ? metricLabel(metric, language)
        : written,
  };
}

/** A catalog metric's formula and n in the language (undefined outside the catalog). */
export const definitionOf = (id: string, language: Language) => metricDefinition(id, language);

const NUMBER = /(?<![\w])(?<!\d\.)[-−+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?!\w)(?!\.\d)/g;

/** English-style numbers in a text, rewritten in the locale (text nodes only; see documentHtml). */
export function localiseNumbers(text: string, language: Language): string {
  if (language === 'en') return text;
  return text.replace(NUMBER, (token) => {
    const negative = /^[-−]/.test(token);
    const plain = token.replace(/^[-−+]/, '').replaceAll(',', '');
    const decimals = plain.split('.')[1]?.length ?? 0;
    const grouped = token.includes(',');
    const written = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouped,
    }).format(Number(plain));
    return `${negative ? '−' : token.startsWith('+') ? '+' : ''}${written}`;
  });
}

/** Every text node of an HTML body with its numbers localised (tags, attributes and styles untouched). */
export const localiseHtml = (html: string, language: Language): string =>
  language === 'en'
    ? html
    : html.replace(/>([^<]+)</g, (_, text: string) => `>${localiseNumbers(text, language)}<`);
