import { METRIC_CATALOG } from '../../metric/catalog.js';
import type { Language } from '../languages.js';
import { DE } from './de.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { PL } from './pl.js';
import { PT } from './pt.js';
import type { Definitions } from './types.js';

/**
 * Metric definitions (formula in words, what n counts) and parameter descriptions in every
 * language. English is the catalog's own text; i18n.test.ts fails when a catalog metric or
 * parameter has none in some language. A tenant's own metrics keep the text they were written in.
 */
const english = (): Definitions => ({
  metrics: Object.fromEntries(METRIC_CATALOG.map((m) => [m.id, [m.formula, m.n] as const])),
  params: Object.fromEntries(METRIC_CATALOG.flatMap((m) => m.params.map((p) => [p.name, p.description]))),
});

export const DEFINITIONS: Record<Language, Definitions> = {
  en: english(),
  fr: FR,
  pt: PT,
  es: ES,
  de: DE,
  pl: PL,
};

export const PARAM_DESCRIPTIONS: Record<Language, Record<string, string>> = {
  en: DEFINITIONS.en.params,
  fr: FR.params,
  pt: PT.params,
  es: ES.params,
  de: DE.params,
  pl: PL.params,
};

/** A catalog metric's formula and n in the language (undefined for a metric outside the catalog). */
export function metricDefinition(id: string, language: Language): { formula: string; n: string } | undefined {
  const found = DEFINITIONS[language].metrics[id];
  return found ? { formula: found[0], n: found[1] } : undefined;
}
