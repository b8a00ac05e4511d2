import { Cron } from 'croner';
import { listVersions } from '../contracts/contract-store.js';
import { type Language, translator } from '../core/i18n/index.js';
import { renderScorecardHtml } from '../core/renewal/html.js';
import { inTenantCatalog } from '../query/tenant-catalog.js';
import { htmlToPdf } from '../renewal/pdf.js';
import { buildScorecard } from '../renewal/scorecard.js';
import type { Store } from '../store/store.js';
import { recipientLanguages } from './mail-language.js';
import type { Mailer } from './mail-outbox.js';
import { optedIn } from './mail-outbox.js';

/**
 * The monthly scorecard e-mail (docs/records.md): per contract, to the client's opted-in
 * admins, a link to the contract's renewal page on the dashboard and the scorecard PDF, each
 * in the recipient's language (their setting, else the tenant's default, else English).
 * `covenant serve` runs it on COVENANT_SCORECARD_CRON (default 07:00 UTC on the 1st).
 */
export const DEFAULT_SCORECARD_CRON = '0 7 1 * *';

export interface ScorecardMailOptions {
  dashboard: string;
  asOf?: string;
  /** HTML to PDF bytes (default headless Chromium, as `covenant renewal --format pdf`). */
  pdf?: (html: string) => Promise<Buffer>;
}

export async function mailScorecards(
  store: Store,
  tenant: string,
  mailer: Mailer,
  o: ScorecardMailOptions,
): Promise<number> {
  const contracts = [...new Set((await listVersions(store, tenant)).map((v) => v.contractId))];
  const recipients = await optedIn(store, tenant, ['client'], null);
  if (recipients.length === 0) return 0;
  const languages = await recipientLanguages(store, tenant, recipients);
  let sent = 0;
  for (const id of contracts) {
    const card = await buildScorecard(store, tenant, id, o.asOf === undefined ? {} : { asOf: o.asOf }).catch(
      () => null,
    );
    if (!card) continue; // a contract whose term has not started has nothing to score
    // One PDF per language the recipients read.
    const pdfs = new Map<Language, Buffer>();
    const pdfIn = async (language: Language) => {
      const found = pdfs.get(language) ?? (await (o.pdf ?? htmlToPdf)(renderScorecardHtml(card, language)));
      pdfs.set(language, found);
      return found;
    };
    const date = card.asOf.slice(0, 10);
    for (const to of recipients) {
      const language = languages.get(to) ?? 'en';
      const t = translator(language);
      const pdf = await pdfIn(language);
      await mailer.send({
        to,
        subject: t('mail.scorecard.subject', { contract: id, date }),
        text: t('mail.scorecard.text', {
          contract: id,
          date,
          link: `${o.dashboard}/#/renewal?contract=${encodeURIComponent(id)}`,
        }),
        attachments: [
          { filename: `${id}-scorecard-${date}.pdf`, content: pdf, contentType: 'application/pdf' },
        ],
      });
      sent += 1;
    }
  }
  return sent;
}

/** Starts the schedule (each run mails every tenant's scorecards); the returned function stops it. */
export function scheduleScorecards(
  store: Store,
  tenants: () => Promise<string[]>,
  mailer: Mailer,
  o: ScorecardMailOptions & { cron?: string; onError?: (error: unknown) => void },
): () => void {
  const job = new Cron(
    o.cron ?? process.env.COVENANT_SCORECARD_CRON ?? DEFAULT_SCORECARD_CRON,
    { timezone: 'UTC', protect: true },
    async () => {
      for (const tenant of await tenants().catch(() => []))
        await inTenantCatalog(tenant, () =>
          mailScorecards(store, tenant, mailer, o).catch((error: unknown) => o.onError?.(error)),
        );
    },
  );
  return () => job.stop();
}
