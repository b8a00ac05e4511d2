import { type Command, Option } from 'commander';
import { UserError } from '../core/issues.js';
import { createToken, listTokens, revokeToken, TOKEN_DAYS } from '../server/auth/sessions.js';
import { ensureTenant } from '../server/auth/tenants.js';
import { addUser, listUsers, ROLES, type Role, removeUser } from '../server/auth/users.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';
import { table } from './table.js';

interface AddOptions extends StoreOptions {
  name?: string;
  role: Role;
  organisation: string;
  site?: string;
  agentId?: string;
  tenantName?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('users of the server: add, list, remove, token');
  withStoreOptions(user.command('add'))
    .description(
      'add or replace a user of --tenant (created when missing); e-mails are unique across tenants; the password is read from COVENANT_PASSWORD or standard input',
    )
    .argument('<email>')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
    .requiredOption('--organisation <org>', 'the client (tenant) or a vendor id')
    .option('--name <name>')
    .option('--site <site>', 'a team lead’s or agent’s site')
    .option('--agent-id <id>', 'an agent’s agent_id')
    .option('--tenant-name <name>', 'the tenant’s display name (when --tenant is created, or to rename it)')
    .action(async (email: string, options: AddOptions) => {
      const password = process.env.COVENANT_PASSWORD ?? (await readStdin()).trim();
      if (!password) throw new UserError('no password: set COVENANT_PASSWORD or pipe it on standard input');
      await withStore(options, async (store) => {
        // The tenant (created when missing) and the user, with the server's e-mail directory, at once.
        const added = await store.transaction(async (tx) => {
          await ensureTenant(tx, options.tenant, { name: options.tenantName, rename: true });
          return addUser(tx, options.tenant, { ...options, email, name: options.name ?? email, password });
        });
        process.stdout.write(
          `${added.email}: ${added.role} of ${added.organisation} (tenant ${options.tenant})\n`,
        );
      });
    });
  withStoreOptions(user.command('list'))
    .description('the users (never their passwords)')
    .addOption(formatOption())
    .action(async (options: StoreOptions & { format: string }) => {
      await withStore(options, async (store) => {
        const users = await listUsers(store, options.tenant);
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
          return;
        }
        const rows = users.map((u) => [u.email, u.role, u.organisation, u.site ?? '', u.agentId ?? '']);
        process.stdout.write(`${table(['email', 'role', 'organisation', 'site', 'agent'], rows)}\n`);
      });
    });
  withStoreOptions(user.command('remove'))
    .description('remove a user with their sessions and tokens')
    .argument('<email>')
    .action(async (email: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        if (!(await removeUser(store, options.tenant, email))) throw new UserError(`no user ${email}`);
        process.stdout.write(`${email} removed\n`);
      });
    });
  const token = user.command('token').description('API tokens for integrations: create, list, revoke');
  withStoreOptions(token.command('create'))
    .description('issue an API token for a user (shown once; stored only as a hash)')
    .argument('<email>')
    .option('--label <label>', 'what the token is for', 'integration')
    .option('--days <days>', 'days until it expires', String(TOKEN_DAYS))
    .action(async (email: string, options: StoreOptions & { label: string; days: string }) => {
      await withStore(options, async (store) => {
        const made = await createToken(store, options.tenant, email, options.label, Number(options.days));
        process.stderr.write(
          `token ${made.id} for ${email}, expires ${made.expiresAt}; it is not shown again\n`,
        );
        process.stdout.write(`${made.token}\n`);
      });
    });
  withStoreOptions(token.command('list'))
    .description('the tokens (id, user, label, dates; never the token)')
    .option('--email <email>', 'only this user’s')
    .action(async (options: StoreOptions & { email?: string }) => {
      await withStore(options, async (store) => {
        const rows = (await listTokens(store, options.tenant, options.email)).map((t) => [
          t.id,
          t.email,
          t.label,
          t.createdAt,
          t.expired ? `${t.expiresAt} (expired)` : t.expiresAt,
        ]);
        process.stdout.write(`${table(['id', 'email', 'label', 'created', 'expires'], rows)}\n`);
      });
    });
  withStoreOptions(token.command('revoke'))
    .description('revoke a token by its id (from user token list)')
    .argument('<id>')
    .action(async (id: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        if (!(await revokeToken(store, options.tenant, id))) throw new UserError(`no token ${id}`);
        process.stdout.write(`token ${id} revoked\n`);
      });
    });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
