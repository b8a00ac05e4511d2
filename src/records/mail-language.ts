import { type Language, languageOf, metricLabel } from '../core/i18n/index.js';
import { metricInfo } from '../core/metric/catalog.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/**
 * The language each recipient reads mail in: their own setting, else the tenant's default,
 * else English (the same rule as the dashboard and the PDFs, migration 90).
 */
export async function recipientLanguages(
  db: Executor,
  tenant: string,
  emails: readonly string[],
): Promise<Map<string, Language>> {
  const own = await db.query<{ email: string; language: string }>(
    sql`SELECT email, language FROM user_languages WHERE tenant = ${tenant}`,
  );
  const [fallback] = await db.query<{ language: string }>(
    sql`SELECT language FROM tenant_languages WHERE tenant = ${tenant}`,
  );
  const byEmail = new Map(own.map((row) => [row.email, row.language]));
  return new Map(emails.map((email) => [email, languageOf(byEmail.get(email), fallback?.language)]));
}

/** A metric's name for a mail: the catalog's label in the language, or the contract's own label as written. */
export const mailLabel = (metric: string, written: string, language: Language): string =>
  metricInfo(metric)?.label.singular === written || !written ? metricLabel(metric, language) : written;
