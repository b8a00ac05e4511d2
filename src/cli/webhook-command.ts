import type { Command } from 'commander';
import { deliverOnce, deliveryLog, redeliver } from '../records/deliver.js';
import { checkFormat } from '../records/format.js';
import { mailerFromEnv } from '../records/mail-outbox.js';
import { addWebhook, listWebhooks, removeWebhook, testWebhook } from '../records/webhooks.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { table } from './table.js';

type Fmt = StoreOptions & { format: string };
const out = (format: string, value: unknown, text: () => string) =>
  process.stdout.write(
    checkFormat(format, ['table', 'json']) === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`,
  );

export function registerWebhook(program: Command): void {
  const webhook = program
    .command('webhook')
    .description('signed webhooks: add, list, remove, test, deliver, log, redeliver');
  const fmt = (c: Command) => withStoreOptions(c).option('--format <format>', 'table or json', 'table');

  fmt(webhook.command('add'))
    .description('POST these events, signed with the secret, to the URL')
    .argument('<url>')
    .requiredOption('--secret <secret>', 'shared secret for the Covenant-Signature HMAC (16-200 characters)')
    .requiredOption('--events <list>', 'comma-separated, e.g. settlement.final,proposal.decided')
    .option('--vendor <vendor>', "a vendor's webhook: only that vendor's events")
    .action(async (url: string, o: Fmt & { secret: string; events: string; vendor?: string }) => {
      await withStore(o, async (store) => {
        const hook = await addWebhook(store, o.tenant, {
          url,
          secret: o.secret,
          events: o.events.split(','),
          vendor: o.vendor ?? null,
        });
        out(o.format, hook, () => `added ${hook.id}: ${hook.url} (${hook.events.join(', ')})`);
      });
    });

  fmt(webhook.command('list'))
    .description('active webhooks (never their secrets)')
    .action(async (o: Fmt) => {
      await withStore(o, async (store) => {
        const hooks = await listWebhooks(store, o.tenant);
        out(o.format, hooks, () =>
          table(
            ['id', 'url', 'events', 'vendor', 'created'],
            hooks.map((h) => [h.id, h.url, h.events.join(','), h.vendor ?? '', h.createdAt]),
          ),
        );
      });
    });

  withStoreOptions(webhook.command('remove'))
    .argument('<id>')
    .description('stop delivering to a webhook (pending deliveries are cancelled)')
    .action(async (id: string, o: StoreOptions) => {
      await withStore(o, async (store) => {
        await removeWebhook(store, o.tenant, id);
        process.stdout.write(`removed ${id}\n`);
      });
    });

  withStoreOptions(webhook.command('test'))
    .argument('<id>')
    .description('send a signed webhook.test event now; exit 1 unless the receiver answers 2xx')
    .action(async (id: string, o: StoreOptions) => {
      await withStore(o, async (store) => {
        const r = await testWebhook(store, o.tenant, id);
        process.stdout.write(`${id}: ${r.ok ? 'delivered' : 'failed'} (${r.error ?? `HTTP ${r.status}`})\n`);
        if (!r.ok) process.exitCode = 1;
      });
    });

  fmt(webhook.command('deliver'))
    .description(
      'one delivery pass over the outbox (webhooks, and e-mail when COVENANT_SMTP_URL is set), for cron',
    )
    .action(async (o: Fmt) => {
      const mailer = mailerFromEnv();
      try {
        await withStore(o, async (store) => {
          const s = await deliverOnce(store, { mailer });
          out(
            o.format,
            s,
            () =>
              `${s.dispatched} events, ${s.attempted} attempts, ${s.delivered} delivered, ${s.failed} given up, ${s.mailed} e-mails`,
          );
        });
      } finally {
        mailer?.close();
      }
    });

  fmt(webhook.command('log'))
    .description('the delivery log: each event per webhook, its status and attempts')
    .option('--webhook <id>', 'only this webhook')
    .action(async (o: Fmt & { webhook?: string }) => {
      await withStore(o, async (store) => {
        const log = await deliveryLog(store, o.tenant, o.webhook);
        out(o.format, log, () =>
          table(
            ['webhook', 'event', 'type', 'status', 'attempts', 'next attempt', 'last result'],
            log.map((l) => [
              l.webhook,
              l.event,
              l.type,
              l.status,
              String(l.attempts),
              l.nextAttemptAt ?? '',
              l.lastResult ?? '',
            ]),
          ),
        );
      });
    });

  withStoreOptions(webhook.command('redeliver'))
    .argument('<webhook>')
    .argument('<event>')
    .description('deliver an event to a webhook again on the next pass (same event id and body)')
    .action(async (webhookId: string, eventId: string, o: StoreOptions) => {
      await withStore(o, async (store) => {
        const found = await redeliver(store, o.tenant, webhookId, eventId);
        process.stdout.write(
          found ? `${eventId} to ${webhookId}: due now\n` : `no delivery of ${eventId} to ${webhookId}\n`,
        );
        if (!found) process.exitCode = 2;
      });
    });
}
