import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { setOptIn, smtpMailer } from './mail-outbox.js';
import { mailScorecards, scheduleScorecards } from './scorecard-mail.js';
import { smtpReceiver, waitFor } from './test-support/receivers.js';

/**
 * The monthly scorecard e-mail: per contract, to the opted-in client admin, a link to the
 * dashboard and the scorecard PDF (printed by headless Chromium), read back from a loopback
 * SMTP server; and the croner schedule firing it.
 */
const TENANT = 'default';
let store: Store;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 4, tenant: TENANT, decisions: false });
  await createDemoUsers(store, TENANT);
  await setOptIn(store, TENANT, 'coo@northwind.example', true);
  await setOptIn(store, TENANT, 'ops@brightpath.example', true);
  smtp = await smtpReceiver();
}, 180_000);

afterAll(async () => {
  await smtp?.close();
  await store?.close();
});

describe('the monthly scorecard e-mail', () => {
  it('sends each started contract’s scorecard PDF and a dashboard link to the opted-in client admin', async () => {
    const mailer = smtpMailer(smtp.url);
    try {
      const sent = await mailScorecards(store, TENANT, mailer, {
        dashboard: 'https://covenant.example',
        asOf: '2026-12-01',
      });
      // The 2027 contract has not started by then: two contracts, one client admin.
      expect(sent).toBe(2);
      await waitFor('two scorecards', () => smtp.mails.length >= 2);
    } finally {
      mailer.close();
    }
    const mail = smtp.mails.find((m) => m.subject?.includes('northwind-brightpath-2026'));
    expect(mail?.subject).toBe('Covenant scorecard: northwind-brightpath-2026 (as of 2026-12-01)');
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('coo@northwind.example');
    expect(mail?.text).toContain('https://covenant.example/#/renewal?contract=northwind-brightpath-2026');
    const pdf = mail?.attachments[0];
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe('northwind-brightpath-2026-scorecard-2026-12-01.pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(smtp.mails.every((m) => !JSON.stringify(m.to).includes('brightpath.example'))).toBe(true);
  }, 120_000);

  it('runs on the configured schedule', async () => {
    const before = smtp.mails.length;
    const mailer = smtpMailer(smtp.url);
    let fired = 0;
    const stop = scheduleScorecards(store, async () => [TENANT], mailer, {
      cron: '* * * * * *', // every second (croner's six-field form)
      dashboard: 'https://covenant.example',
      asOf: '2026-12-01',
      pdf: async (html) => {
        fired += 1;
        return Buffer.from(`%PDF-1.4 ${html.length}`);
      },
    });
    try {
      await waitFor('a scheduled run', () => smtp.mails.length > before, 50_000);
    } finally {
      stop();
      mailer.close();
    }
    expect(fired).toBeGreaterThanOrEqual(1);
    expect(smtp.mails.at(-1)?.attachments[0]?.content.toString()).toMatch(/^%PDF-1.4 \d+$/);
  }, 90_000);
});
