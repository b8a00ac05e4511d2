import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../metric/catalog.js';
import { DEFINITIONS, metricDefinition } from './definitions/index.js';
import { formatMoney, MESSAGES, translator } from './i18n.js';
import { LANGUAGES, LOCALES } from './languages.js';
import { EN } from './messages-en.js';
import { METRIC_LABELS, metricLabel } from './metric-labels.js';

/** Placeholders and plural/select arguments of an ICU message. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (node.type >= 1 && node.type <= 6 && node.value) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

/** The plural categories a language uses for whole numbers 0..200 (Polish: one, few, many, other). */
function integerCategories(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  return [...new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))].sort();
}

describe('translations', () => {
  it.each(LANGUAGES)('%s has every key English has, and no other', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, text] of Object.entries(MESSAGES[language])) expect(text.trim(), key).not.toBe('');
  });

  it.each(LANGUAGES)('%s: every message parses as ICU with the same placeholders as English', (language) => {
    for (const [key, text] of Object.entries(MESSAGES[language])) {
      expect(argumentsOf(text, LOCALES[language]), key).toEqual(
        argumentsOf(EN[key as keyof typeof EN], 'en'),
      );
    }
  });

  it.each(LANGUAGES)(
    '%s: every plural names each category the language uses for whole numbers',
    (language) => {
      for (const [key, text] of Object.entries(MESSAGES[language])) {
        if (!text.includes(', plural,')) continue;
        for (const category of integerCategories(LOCALES[language]))
          expect(text, `${key} lacks ${category}`).toMatch(new RegExp(`\\b${category} \\{`));
      }
    },
  );

  it.each(LANGUAGES)('%s has a singular and a plural label for every metric of the catalog', (language) => {
    for (const metric of METRIC_CATALOG) {
      const labels = METRIC_LABELS[language][metric.id];
      expect(labels, `${language} ${metric.id}`).toBeDefined();
      expect(labels?.every((label) => label.trim() !== '')).toBe(true);
    }
    expect(Object.keys(METRIC_LABELS[language]).sort()).toEqual(METRIC_CATALOG.map((m) => m.id).sort());
  });

  it.each(LANGUAGES)(
    '%s defines every metric of the catalog (formula and n) and every parameter',
    (language) => {
      const { metrics, params } = DEFINITIONS[language];
      expect(Object.keys(metrics).sort()).toEqual(METRIC_CATALOG.map((m) => m.id).sort());
      for (const metric of METRIC_CATALOG) {
        const found = metricDefinition(metric.id, language);
        expect(found?.formula.trim(), `${language} ${metric.id} formula`).not.toBe('');
        expect(found?.n.trim(), `${language} ${metric.id} n`).not.toBe('');
        // The data's own names (columns, parameters, values) stay as they are in every language.
        for (const name of metric.params.map((p) => p.name).filter((n) => metric.formula.includes(n)))
          expect(found?.formula, `${language} ${metric.id} names ${name}`).toContain(name);
        for (const param of metric.params)
          expect(params[param.name]?.trim(), `${language} ${param.name}`).toBeTruthy();
      }
      if (language !== 'en')
        expect(metricDefinition('aht', language)?.formula).not.toBe(metricDefinition('aht', 'en')?.formula);
    },
  );

  it('formats plurals by each language’s rules through i18next and ICU', () => {
    const pl = translator('pl');
    expect(pl('settlement.lines', { count: 1 })).toBe('1 pozycja faktury');
    expect(pl('settlement.lines', { count: 3 })).toBe('3 pozycje faktury');
    expect(pl('settlement.lines', { count: 5 })).toBe('5 pozycji faktury');
    expect(translator('pt')('settlement.lines', { count: 2 })).toBe('2 linhas de fatura');
    expect(translator('de')('settlement.kind', { kind: 'provisional' })).toBe('vorläufig');
    expect(translator('fr')('settlement.footer', { contract: 'c', period: '2026-Q1', kind: 'x' })).toBe(
      'Règlement · c · 2026-Q1 (x)',
    );
  });

  it('writes money with the currency’s minor units in the locale’s way', () => {
    expect(formatMoney('-1234.5', 'EUR', 'en')).toMatch(/-EUR\s?1,234\.50/);
    expect(formatMoney('1234.5', 'EUR', 'pt')).toMatch(/^1\s?234,50\sEUR$/);
    expect(formatMoney('1234.5', 'EUR', 'de')).toMatch(/^1\.234,50\sEUR$/);
    expect(formatMoney('1234', 'JPY', 'pl')).toMatch(/^1\s?234\sJPY$/);
    expect(metricLabel('aht', 'pl', 2)).toBe('średnie czasy obsługi');
    expect(metricLabel('aht', 'en')).toBe('average handle time');
  });
});
