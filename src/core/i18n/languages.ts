/** The languages of the interface, the printed documents and messages (the seed's teams: PT, PL, ES, and FR, DE). */
export const LANGUAGES = ['en', 'fr', 'pt', 'es', 'de', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale each language formats dates, numbers and money with (Intl). */
export const LOCALES: Record<Language, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  pt: 'pt-PT',
  es: 'es-ES',
  de: 'de-DE',
  pl: 'pl-PL',
};

export const isLanguage = (text: string): text is Language => (LANGUAGES as readonly string[]).includes(text);

/** The user's language, else the tenant's default, else English. */
export const languageOf = (user: string | null | undefined, tenant: string | null | undefined): Language =>
  user && isLanguage(user) ? user : tenant && isLanguage(tenant) ? tenant : 'en';
