import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN, LANGUAGES } from '../core/i18n/index.js';
import { sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { setTenantLanguage, setUserLanguage } from '../server/language-preferences.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { recipientLanguages } from './mail-language.js';
import { type Mail, mailsFor, message, setOptIn } from './mail-outbox.js';
import { mailScorecards } from './scorecard-mail.js';

/**
 * E-mails in the recipient's language: their own setting, else the tenant's default, else
 * English; every event's mail and the monthly scorecard (its PDF too) in the six languages.
 */
const TENANT = 'default';
const COO = 'coo@northwind.example';
const VENDOR = 'ops@brightpath.example';
const DASHBOARD = 'https://covenant.example';
const EVENTS: [string, Record<string, unknown>][] = [
  ['proposal.created', { proposal: 'P-1', contract: 'c1', awaiting: ['client'] }],
  ['dispute.opened', { dispute: 'D-1', contract: 'c1', period: '2026-Q1', line: 'csat', status: 'open' }],
  [
    'settlement.final',
    { settlement: 'S-1', contract: 'c1', period: '2026-Q1', total: '-1234.5', currency: 'EUR' },
  ],
  [
    'outcome.alert',
    {
      contract: 'c1',
      period: '2026-Q3',
      metric: 'aht',
      label: 'average handle time',
      previousState: 'on_track',
      state: 'at_risk',
      moneyAtRisk: '1500',
      currency: 'EUR',
    },
  ],
];

describe('each event’s mail in every language', () => {
  it.each(LANGUAGES)(
    '%s: subject and text in the language, no key left, money the locale’s way',
    (language) => {
      for (const [type, data] of EVENTS) {
        const mail = message(type, data, DASHBOARD, language);
        expect(mail, type).not.toBeNull();
        const both = `${mail?.subject}\n${mail?.text}`;
        for (const key of Object.keys(EN)) expect(both.includes(key), `${type} ${key}`).toBe(false);
        expect(both).not.toMatch(/\{|\}/);
        if (language !== 'en')
          expect(both, type).not.toMatch(/awaits your approval|final settlement of|moved from/);
      }
      const settled = message('settlement.final', EVENTS[2]?.[1] ?? {}, DASHBOARD, language)?.text ?? '';
      expect(settled).toMatch(language === 'en' ? /1,234\.50/ : /1[\s.]?234,50/);
      expect(message('outcome.alert', EVENTS[3]?.[1] ?? {}, DASHBOARD, 'pl')?.subject).toContain(
        'średni czas obsługi',
      );
    },
  );
});

describe('who reads which language', () => {
  let store: Store;
  beforeAll(async () => {
    store = await memoryStore();
    await loadDemo(store, { scale: 0.02, seed: 4, tenant: TENANT, decisions: false });
    await createDemoUsers(store, TENANT);
    await setOptIn(store, TENANT, COO, true);
    await setOptIn(store, TENANT, VENDOR, true);
    await setTenantLanguage(store, TENANT, 'pt');
    await setUserLanguage(store, TENANT, COO, 'pl');
  }, 180_000);
  afterAll(() => store?.close());

  it('takes the user’s setting, else the tenant’s default', async () => {
    const languages = await recipientLanguages(store, TENANT, [COO, VENDOR]);
    expect(Object.fromEntries(languages)).toEqual({ [COO]: 'pl', [VENDOR]: 'pt' });
  });

  it('writes each event’s mail to the outbox in its recipient’s language', async () => {
    const body = JSON.stringify({ data: { ...EVENTS[1]?.[1], contract: 'northwind-brightpath-2026' } });
    await store.transaction((tx) =>
      mailsFor(
        tx,
        { tenant: TENANT, event_id: 'e-1', type: 'dispute.opened', vendor: 'brightpath', body },
        DASHBOARD,
      ),
    );
    const rows = await store.query<{ recipient: string; subject: string }>(
      sql`SELECT recipient, subject FROM mail_outbox WHERE tenant = ${TENANT} AND event_id = 'e-1' ORDER BY recipient`,
    );
    expect(rows.map((r) => r.recipient).sort()).toEqual([COO, VENDOR].sort());
    expect(rows.find((r) => r.recipient === COO)?.subject).toContain('spór D-1 otwarty');
    expect(rows.find((r) => r.recipient === VENDOR)?.subject).toContain('disputa D-1 aberta');
  });

  it('sends the monthly scorecard and its PDF in the client admin’s language', async () => {
    const sent: Mail[] = [];
    const printed: string[] = [];
    const count = await mailScorecards(
      store,
      TENANT,
      { send: async (mail) => void sent.push(mail), close: () => undefined },
      {
        dashboard: DASHBOARD,
        asOf: '2026-12-01',
        pdf: async (html) => {
          printed.push(/<html lang="(\w+)"/.exec(html)?.[1] ?? '');
          return Buffer.from('%PDF-');
        },
      },
    );
    expect(count).toBe(2);
    expect(sent.every((m) => m.to === COO && m.subject.startsWith('Ocena Covenant:'))).toBe(true);
    expect(printed).toEqual(['pl', 'pl']);
  }, 120_000);
});
