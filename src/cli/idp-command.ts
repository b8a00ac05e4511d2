import { Argument, type Command } from 'commander';
import { parseIdentityProvider } from '../core/identity/parse-provider.js';
import type { IdentityProvider } from '../core/identity/types.js';
import { UserError } from '../core/issues.js';
import { loadDocument } from '../files/load-document.js';
import {
  listProviders,
  removeProvider,
  saveProvider,
  setPasswordLogin,
} from '../server/auth/identity-providers.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';
import { table } from './table.js';

/** `covenant idp validate|add|list|remove|password-login`: a tenant's single sign-on (docs/sign-in.md). */
export function registerIdp(program: Command): void {
  const idp = program
    .command('idp')
    .description("a tenant's OpenID Connect identity providers (kind IdentityProvider)");
  idp
    .command('validate')
    .description('check an IdentityProvider file: every problem with file:line:column, nothing stored')
    .argument('<file>')
    .action(async (file: string) => {
      const provider = await load(file);
      process.stdout.write(`${provider.id}: valid, ${provider.roles.length} role rules\n`);
    });
  withStoreOptions(idp.command('add'))
    .description(
      'add or replace a provider; its client secret is read from COVENANT_CLIENT_SECRET or standard input',
    )
    .argument('<file>', 'an IdentityProvider YAML file')
    .action(async (file: string, options: StoreOptions) => {
      const provider = await load(file);
      const secret =
        provider.clientAuth === 'none'
          ? null
          : (process.env.COVENANT_CLIENT_SECRET ?? (await readStdin()).trim());
      await withStore(options, (store) =>
        store.transaction((tx) => saveProvider(tx, options.tenant, provider, secret)),
      );
      process.stdout.write(`${provider.id} (${provider.displayName}) saved for ${options.tenant}\n`);
    });
  withStoreOptions(idp.command('list'))
    .description("the tenant's providers (never their client secrets)")
    .addOption(formatOption())
    .action(async (options: StoreOptions & { format: string }) => {
      const providers = await withStore(options, (store) => listProviders(store, options.tenant));
      if (options.format === 'json')
        return void process.stdout.write(`${JSON.stringify(providers, null, 2)}\n`);
      const rows = providers.map((p) => [p.id, p.displayName, p.issuer, p.clientId, String(p.roles.length)]);
      process.stdout.write(`${table(['id', 'name', 'issuer', 'client id', 'role rules'], rows)}\n`);
    });
  withStoreOptions(idp.command('remove'))
    .description('remove a provider (its users keep their accounts; covenant user remove ends them)')
    .argument('<id>')
    .action(async (id: string, options: StoreOptions) => {
      const removed = await withStore(options, (store) =>
        store.transaction((tx) => removeProvider(tx, options.tenant, id)),
      );
      if (!removed) throw new UserError(`no identity provider ${id} in tenant ${options.tenant}`);
      process.stdout.write(`${id} removed\n`);
    });
  withStoreOptions(idp.command('password-login'))
    .description("turn the tenant's password sign-in on or off (off: single sign-on only)")
    .addArgument(new Argument('<state>', 'on or off').choices(['on', 'off']))
    .action(async (state: 'on' | 'off', options: StoreOptions) => {
      await withStore(options, (store) =>
        store.transaction((tx) => setPasswordLogin(tx, options.tenant, state === 'on')),
      );
      process.stdout.write(`password sign-in ${state} for ${options.tenant}\n`);
    });
}

async function load(file: string): Promise<IdentityProvider> {
  const parsed = await loadDocument(file, 'identity provider', parseIdentityProvider);
  if (!parsed.ok) throw new UserError(`${parsed.issues.length} problem(s) in ${file}`, parsed.issues);
  return parsed.value;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
