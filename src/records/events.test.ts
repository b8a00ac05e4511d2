import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import { importFile } from '../ingest/import-file.js';
import { addUser } from '../server/auth/users.js';
import type { Store } from '../store/store.js';
import {
  INTERACTION_HEADER,
  interaction,
  memoryStore,
  tempDir,
  writeText,
} from '../test-support/fixtures.js';
import { raiseOutcomeAlert } from './alerts.js';
import { appendAudit } from './audit.js';
import { deliverOnce } from './deliver.js';
import { setOptIn, smtpMailer } from './mail-outbox.js';
import { smtpReceiver, waitFor } from './test-support/receivers.js';

/**
 * Which events reach whom by e-mail: both parties on a dispute, the client on a final
 * settlement, nobody who did not opt in; and an import's event carries its rejects count.
 */
const TENANT = 'northwind';
let store: Store;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
const dir = tempDir();

beforeAll(async () => {
  store = await memoryStore();
  const user = (email: string, role: 'client_admin' | 'vendor_manager', organisation: string) =>
    addUser(store, TENANT, { email, name: email, role, organisation, password: 'a-long-password' });
  await user('admin@northwind.example', 'client_admin', 'northwind');
  await user('quiet@northwind.example', 'client_admin', 'northwind');
  await user('ops@brightpath.example', 'vendor_manager', 'brightpath');
  await user('ops@coastline.example', 'vendor_manager', 'coastline');
  for (const email of ['admin@northwind.example', 'ops@brightpath.example', 'ops@coastline.example'])
    await setOptIn(store, TENANT, email, true);
  smtp = await smtpReceiver();
});

afterAll(async () => {
  await smtp?.close();
  await store?.close();
});

describe('events to e-mail', () => {
  it('mails both parties of a dispute and the client on a final settlement, only those who opted in', async () => {
    await store.transaction(async (tx) => {
      await appendAudit(tx, TENANT, {
        action: 'dispute.opened',
        subject: 'D-1',
        event: {
          type: 'dispute.opened',
          vendor: 'brightpath',
          data: { dispute: 'D-1', contract: 'c', period: '2026-Q1', status: 'open' },
        },
      });
      await appendAudit(tx, TENANT, {
        action: 'settlement.final',
        subject: 's',
        event: {
          type: 'settlement.final',
          vendor: 'brightpath',
          data: { settlement: 's', contract: 'c', period: '2026-Q1', total: '10.00', currency: 'EUR' },
        },
      });
      await appendAudit(tx, TENANT, {
        action: 'settlement.provisional',
        subject: 's0',
        event: { type: 'settlement.provisional', vendor: 'brightpath', data: { contract: 'c' } },
      });
    });
    const mailer = smtpMailer(smtp.url);
    try {
      expect((await deliverOnce(store, { mailer })).mailed).toBe(3);
    } finally {
      mailer.close();
    }
    await waitFor('three mails', () => smtp.mails.length >= 3);
    const to = (subject: string) =>
      smtp.mails
        .filter((m) => m.subject?.includes(subject))
        .map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : ''))
        .sort();
    expect(to('dispute D-1')).toEqual(['admin@northwind.example', 'ops@brightpath.example']);
    expect(to('final settlement')).toEqual(['admin@northwind.example']);
  });

  it('raises import.completed with the rejects count, for the client only', async () => {
    const file = writeText(
      dir,
      'i.csv',
      `${INTERACTION_HEADER}\n${interaction('i1')}\n${interaction('i2', { csat: '9' })}\n`,
    );
    await importFile(store, 'interactions', file, { tenant: TENANT });
    const [event] = await store.query<{ vendor: string | null; body: string }>(
      sql`SELECT vendor, body FROM outbox_events WHERE tenant = ${TENANT} AND type = 'import.completed'`,
    );
    expect(event?.vendor).toBeNull();
    expect(JSON.parse(event?.body ?? '{}').data).toMatchObject({
      dataset: 'interactions',
      accepted: 1,
      rejects: 1,
    });
  });

  it('raises outcome.alert for the contract’s vendor', async () => {
    await store.run(sql`INSERT INTO contract_versions VALUES (${TENANT}, 'nb-2026', 1, 'northwind', 'brightpath',
      CAST('2026-01-01' AS DATE), 'd', 's', '{}', 'test', CURRENT_TIMESTAMP)`);
    await store.transaction((tx) =>
      raiseOutcomeAlert(tx, TENANT, {
        contract: 'nb-2026',
        metric: 'csat',
        period: '2026-Q3',
        value: 0.71,
        threshold: 0.8,
        message: 'csat below 80%',
      }),
    );
    const [event] = await store.query<{ vendor: string | null; body: string }>(
      sql`SELECT vendor, body FROM outbox_events WHERE tenant = ${TENANT} AND type = 'outcome.alert'`,
    );
    expect(event?.vendor).toBe('brightpath');
    expect(JSON.parse(event?.body ?? '{}').data).toMatchObject({
      contract: 'nb-2026',
      metric: 'csat',
      value: 0.71,
    });
  });
});
