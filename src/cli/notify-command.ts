import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { publicUrl } from '../records/deliver.js';
import { mailerFromEnv, setOptIn } from '../records/mail-outbox.js';
import { mailScorecards } from '../records/scorecard-mail.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

export function registerNotify(program: Command): void {
  const notify = program
    .command('notify')
    .description('e-mail: opt people in or out, send the scorecards now');
  for (const [name, on] of [
    ['opt-in', true],
    ['opt-out', false],
  ] as const) {
    withStoreOptions(notify.command(name))
      .description(
        on ? 'e-mail this user the events that concern them (docs/records.md)' : 'stop e-mailing this user',
      )
      .argument('<email>')
      .action(async (email: string, o: StoreOptions) => {
        if (!/^[^@\s]{1,200}@[^@\s]{1,200}$/.test(email))
          throw new UserError(`${email}: not an e-mail address`);
        await withStore(o, async (store) => {
          await setOptIn(store, o.tenant, email, on);
          process.stdout.write(`${email}: ${on ? 'opted in' : 'opted out'}\n`);
        });
      });
  }
  withStoreOptions(notify.command('scorecards'))
    .description(
      'e-mail each contract’s scorecard (PDF) to the opted-in client admins now, over COVENANT_SMTP_URL',
    )
    .option('--as-of <date>', 'the scorecard’s date (default now)')
    .action(async (o: StoreOptions & { asOf?: string }) => {
      const mailer = mailerFromEnv();
      if (!mailer)
        throw new UserError('COVENANT_SMTP_URL is not set (e.g. smtp://user:pass@mail.example:587)');
      try {
        await withStore(o, async (store) => {
          const sent = await mailScorecards(store, o.tenant, mailer, {
            dashboard: publicUrl(),
            ...(o.asOf ? { asOf: o.asOf } : {}),
          });
          process.stdout.write(`${sent} scorecard e-mails sent\n`);
        });
      } finally {
        mailer.close();
      }
    });
}
