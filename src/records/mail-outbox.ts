import nodemailer from 'nodemailer';
import { formatMoney, type Language, type Translate, translator } from '../core/i18n/index.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit } from './audit.js';
import type { Within } from './deliver.js';
import { mailLabel, recipientLanguages } from './mail-language.js';
import { newId } from './outbox.js';

/**
 * E-mail to people who opted in (docs/records.md): the party whose approval a proposal
 * awaits, both parties of a dispute, the client on a final settlement. Mails are written
 * to mail_outbox when their event is dispatched and sent by the same delivery pass, each in
 * its recipient's language (their setting, else the tenant's default, else English).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** SMTP from a URL (`smtp://user:pass@host:587`, `smtps://...`), e.g. COVENANT_SMTP_URL. */
export function smtpMailer(
  url: string,
  from = process.env.COVENANT_MAIL_FROM ?? 'covenant@localhost',
): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

export const mailerFromEnv = (): Mailer | null =>
  process.env.COVENANT_SMTP_URL ? smtpMailer(process.env.COVENANT_SMTP_URL) : null;

type Party = 'client' | 'vendor';

interface EventRow {
  tenant: string;
  event_id: string;
  type: string;
  vendor: string | null;
  body: string;
}

/** Who an event concerns. */
function partiesOf(type: string, data: Record<string, unknown>): Party[] {
  if (type === 'proposal.created' || type === 'proposal.decided')
    return ((data.awaiting as Party[] | undefined) ?? []).filter((p) => p === 'client' || p === 'vendor');
  if (type.startsWith('dispute.') || type === 'outcome.alert') return ['client', 'vendor'];
  if (type === 'settlement.final') return ['client'];
  return [];
}

/** What to tell one recipient about an event, in their language. */
export function message(
  type: string,
  data: Record<string, unknown>,
  dashboard: string,
  language: Language = 'en',
): { subject: string; text: string } | null {
  const t: Translate = translator(language);
  const str = (key: string) => String(data[key] ?? '');
  const settlementLink = `${dashboard}/#/contracts/${str('contract')}/settlement?period=${str('period')}`;
  if (type === 'proposal.created' || type === 'proposal.decided') {
    const values = { proposal: str('proposal'), contract: str('contract') };
    return {
      subject: t('mail.proposal.subject', values),
      text: t('mail.proposal.text', { ...values, link: `${dashboard}/#/proposals` }),
    };
  }
  if (type.startsWith('dispute.')) {
    const values = { dispute: str('dispute'), contract: str('contract'), period: str('period') };
    return {
      subject: t('mail.dispute.subject', { ...values, event: type.slice('dispute.'.length) }),
      text: t('mail.dispute.text', {
        ...values,
        line: str('line'),
        status: str('status'),
        link: settlementLink,
      }),
    };
  }
  if (type === 'settlement.final') {
    const values = { contract: str('contract'), period: str('period') };
    const total = str('currency') ? formatMoney(str('total'), str('currency'), language) : str('total');
    return {
      subject: t('mail.settlement.subject', values),
      text: t('mail.settlement.text', {
        ...values,
        settlement: str('settlement'),
        total,
        link: settlementLink,
      }),
    };
  }
  if (type === 'outcome.alert') {
    const values = {
      label: mailLabel(str('metric'), str('label'), language),
      contract: str('contract'),
      period: str('period'),
      state: str('state'),
    };
    const risk = str('currency')
      ? formatMoney(str('moneyAtRisk') || '0', str('currency'), language)
      : str('moneyAtRisk');
    return {
      subject: t('mail.alert.subject', values),
      text: t('mail.alert.text', {
        ...values,
        previous: str('previousState') || 'none',
        risk,
        link: `${dashboard}/#/contracts/${str('contract')}/alerts`,
      }),
    };
  }
  return null;
}

/** Opted-in client admins and, for the vendor party, the vendor's managers. */
export async function optedIn(
  tx: Executor,
  tenant: string,
  parties: Party[],
  vendor: string | null,
): Promise<string[]> {
  const rows = await tx.query<{ email: string }>(sql`SELECT u.email FROM users u
    JOIN email_opt_ins o ON o.tenant = u.tenant AND o.email = u.email WHERE u.tenant = ${tenant}
    AND ((u.role = 'client_admin' AND ${parties.includes('client')})
      OR (u.role = 'vendor_manager' AND u.organisation = ${vendor ?? ''} AND ${parties.includes('vendor')}))
    ORDER BY u.email`);
  return rows.map((r) => r.email);
}

export async function mailsFor(tx: Executor, event: EventRow, dashboard: string): Promise<void> {
  const data = (JSON.parse(event.body) as { data: Record<string, unknown> }).data;
  const parties = partiesOf(event.type, data);
  if (parties.length === 0 || message(event.type, data, dashboard) === null) return;
  const now = new Date().toISOString();
  const recipients = await optedIn(tx, event.tenant, parties, event.vendor);
  const languages = await recipientLanguages(tx, event.tenant, recipients);
  for (const to of recipients) {
    const m = message(event.type, data, dashboard, languages.get(to) ?? 'en');
    if (!m) continue;
    await tx.run(sql`INSERT INTO mail_outbox VALUES (${event.tenant}, ${newId('mail')}, ${to}, ${m.subject}, ${m.text},
      ${event.event_id}, 'pending', 0, ${now}, NULL, ${now})`);
  }
}

/** Sends the due mails; `within` runs each statement on the store or in a tenant's session. */
export async function deliverMails(within: Within, mailer: Mailer, now: Date): Promise<number> {
  const due = await within((s) =>
    s.query<{
      tenant: string;
      mail_id: string;
      recipient: string;
      subject: string;
      body: string;
      attempts: number;
    }>(
      sql`SELECT tenant, mail_id, recipient, subject, body, attempts FROM mail_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()} ORDER BY created_at`,
    ),
  );
  let sent = 0;
  for (const m of due) {
    const attempts = Number(m.attempts) + 1;
    try {
      await mailer.send({ to: m.recipient, subject: m.subject, text: m.body });
      await within((s) =>
        s.run(sql`UPDATE mail_outbox SET status = 'sent', attempts = ${attempts}, next_attempt_at = NULL
        WHERE tenant = ${m.tenant} AND mail_id = ${m.mail_id}`),
      );
      sent += 1;
    } catch (error) {
      const wait = [30, 300, 1800, 3600][attempts - 1];
      await within((s) =>
        s.run(sql`UPDATE mail_outbox SET status = ${wait === undefined ? 'failed' : 'pending'}, attempts = ${attempts},
        next_attempt_at = ${wait === undefined ? null : new Date(now.getTime() + wait * 1000).toISOString()},
        last_error = ${(error as Error).message.slice(0, 500)} WHERE tenant = ${m.tenant} AND mail_id = ${m.mail_id}`),
      );
    }
  }
  return sent;
}

export async function setOptIn(store: Store, tenant: string, email: string, on: boolean): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM email_opt_ins WHERE tenant = ${tenant} AND email = ${email}`);
    if (on)
      await tx.run(sql`INSERT INTO email_opt_ins VALUES (${tenant}, ${email}, ${new Date().toISOString()})`);
    await appendAudit(tx, tenant, { action: on ? 'email.opt-in' : 'email.opt-out', subject: email });
  });
}
