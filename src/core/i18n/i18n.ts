import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { minorUnit } from '../money/index.js';
import { LANGUAGES, type Language, LOCALES } from './languages.js';
import { DE } from './messages-de.js';
import { EN, type MessageKey, type Messages } from './messages-en.js';
import { ES } from './messages-es.js';
import { FR } from './messages-fr.js';
import { PL } from './messages-pl.js';
import { PT } from './messages-pt.js';

/**
 * Translations for the printed documents, the dashboard and messages: i18next with ICU
 * MessageFormat (plurals by each language's CLDR rules: Polish one/few/many/other), and
 * Intl for numbers, money and dates in the language's locale. Pure: no I/O.
 */
export const MESSAGES: Record<Language, Messages> = { en: EN, fr: FR, pt: PT, es: ES, de: DE, pl: PL };

let shared: i18n | undefined;

/** One i18next instance holding every language (created on first use, synchronously). */
export function i18nInstance(): i18n {
  if (shared) return shared;
  const instance = i18next.createInstance();
  void instance.use(new ICU()).init({
    lng: 'en',
    fallbackLng: false,
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: MESSAGES[l] }])),
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  shared = instance;
  return instance;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const t = i18nInstance().getFixedT(language);
  return (key, values) => t(key, values ?? {}) as string;
}

/** An amount (exact decimal text) in the currency's ISO minor units, written the locale's way. */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const digits = minorUnit(currency);
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(amount));
}

export const formatNumber = (value: number, language: Language, digits = 4): string =>
  new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value);

export const formatPercent = (share: number, language: Language, digits = 1): string =>
  new Intl.NumberFormat(LOCALES[language], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);

/** A calendar date (`YYYY-MM-DD`) as the locale writes it, e.g. 31.03.2026 or 31/03/2026. */
export const formatDate = (date: string, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
