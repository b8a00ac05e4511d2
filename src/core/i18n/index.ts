/** Languages: messages (ICU, i18next), metric labels, and Intl formatting (docs/languages.md). */

export { DEFINITIONS, metricDefinition, PARAM_DESCRIPTIONS } from './definitions/index.js';
export {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  i18nInstance,
  MESSAGES,
  type Translate,
  translator,
} from './i18n.js';
export { isLanguage, LANGUAGES, type Language, LOCALES, languageOf } from './languages.js';
export { EN, type MessageKey, type Messages } from './messages-en.js';
export { METRIC_LABELS, metricLabel } from './metric-labels.js';
