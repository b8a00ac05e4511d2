import { type Command, Option } from 'commander';
import { UserError } from '../core/issues.js';
import { createToken } from '../server/auth/sessions.js';
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
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('users of the server: add, list, remove, token');
  withStoreOptions(user.command('add'))
    .description('add or replace a user; the password is read from COVENANT_PASSWORD or standard input')
    .argument('<email>')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
    .requiredOption('--organisation <org>', 'the client (tenant) or a vendor id')
    .option('--name <name>')
    .option('--site <site>', 'a team lead’s or agent’s site')
    .option('--agent-id <id>', 'an agent’s agent_id')
    .action(async (email: string, options: AddOptions) => {
      const password = process.env.COVENANT_PASSWORD ?? (await readStdin()).trim();
      if (!password) throw new UserError('no password: set COVENANT_PASSWORD or pipe it on standard input');
      await withStore(options, async (store) => {
        const added = await addUser(store, options.tenant, {
          ...options,
          email,
          name: options.name ?? email,
          password,
        });
        process.stdout.write(`${added.email}: ${added.role} of ${added.organisation}\n`);
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
  withStoreOptions(user.command('token'))
    .description('issue an API token for integrations (shown once)')
    .argument('<email>')
    .option('--label <label>', 'what the token is for', 'integration')
    .action(async (email: string, options: StoreOptions & { label: string }) => {
      await withStore(options, async (store) => {
        process.stdout.write(`${await createToken(store, options.tenant, email, options.label)}\n`);
      });
    });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
