import { useMemo, useSyncExternalStore } from 'react';
import {
  EN,
  isLanguage,
  LANGUAGES,
  type Language,
  LOCALES,
  type MessageKey,
  translator,
} from '../../../src/core/i18n/index';
import { apiGet, apiPut } from './api';

/**
 * The dashboard's language: the signed-in user's setting (else the tenant's default, else
 * English) from /api/me/language, kept for the login page in localStorage. Messages are the
 * same i18next + ICU catalogue the PDFs use (src/core/i18n).
 */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  pt: 'Português',
  es: 'Español',
  de: 'Deutsch',
  pl: 'Polski',
};

const STORAGE = 'covenant.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE);
let current: Language = stored && isLanguage(stored) ? stored : 'en';
const listeners = new Set<() => void>();
/** How many choices the user made in this page (see loadLanguage). */
let choices = 0;

function apply(language: Language): void {
  current = language;
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE, language);
  for (const listener of listeners) listener();
}

/** Reads the signed-in user's language from the server (after sign-in). */
export async function loadLanguage(): Promise<void> {
  const before = choices;
  const found = await apiGet<{ language: string }>('/me/language');
  // A choice made while the setting was on its way wins over the older setting.
  if (isLanguage(found.language) && choices === before) apply(found.language);
}

/** The user's choice, kept on the server for the PDFs and the next session. */
export async function chooseLanguage(language: Language): Promise<void> {
  choices += 1;
  apply(language);
  await apiPut('/me/language', { language });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, () => current);
}

/** t(key): the message in the current language (re-renders when it changes). */
export type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export function useT(): T {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

/** The locale numbers, money and dates are written in (en-GB, pl-PL, ...), for Intl. */
export const currentLocale = (): string => LOCALES[current];

/** A message in the current language, for code outside React (chart options built in useMemo). */
export const translate: T = (key, values) => translator(current)(key, values);

export const hasMessage = (key: string): key is MessageKey => key in EN;
export { LANGUAGES };
