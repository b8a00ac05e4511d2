import { type Language, languageOf } from '../core/i18n/index.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/** Each user's language, else the tenant's default, else English (migration 90). */
export async function languagePreferences(
  db: Executor,
  tenant: string,
  email: string,
): Promise<{ language: Language; user: string | null; tenantDefault: string | null }> {
  const [user] = await db.query<{ language: string | null }>(
    sql`SELECT language FROM user_languages WHERE tenant = ${tenant} AND email = ${email}`,
  );
  const [fallback] = await db.query<{ language: string }>(
    sql`SELECT language FROM tenant_languages WHERE tenant = ${tenant}`,
  );
  const own = user?.language ?? null;
  const tenantDefault = fallback?.language ?? null;
  return { language: languageOf(own, tenantDefault), user: own, tenantDefault };
}

/** A user's own choice; null goes back to the tenant's default. */
export async function setUserLanguage(
  db: Executor,
  tenant: string,
  email: string,
  language: Language | null,
) {
  await db.run(sql`DELETE FROM user_languages WHERE tenant = ${tenant} AND email = ${email}`);
  if (language !== null)
    await db.run(
      sql`INSERT INTO user_languages (tenant, email, language) VALUES (${tenant}, ${email}, ${language})`,
    );
}

export async function setTenantLanguage(db: Executor, tenant: string, language: Language): Promise<void> {
  await db.run(sql`DELETE FROM tenant_languages WHERE tenant = ${tenant}`);
  await db.run(sql`INSERT INTO tenant_languages (tenant, language) VALUES (${tenant}, ${language})`);
}
