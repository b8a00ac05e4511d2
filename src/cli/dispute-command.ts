import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import {
  checkParty,
  commentDispute,
  type Evidence,
  getDispute,
  listDisputes,
  openDispute,
  resolveDispute,
} from '../records/disputes.js';
import { checkFormat, formatDispute, formatDisputes } from '../records/format.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

type Options = StoreOptions & { as: string; format: string };
const collect = (value: string, list: string[]) => [...list, value];
const evidenceOf = (files: string[]): Evidence[] =>
  files.map((file) => ({ name: basename(file), content: readFileSync(file).toString('base64') }));
const show = (format: string) => checkFormat(format, ['table', 'json']);

export function registerDispute(program: Command): void {
  const dispute = program
    .command('dispute')
    .description('disputes on settlement lines: open, list, show, comment, resolve');
  const party = (c: Command) =>
    withStoreOptions(c)
      .requiredOption('--as <party>', 'client or vendor')
      .option('--format <format>', 'table or json', 'table');

  party(dispute.command('open'))
    .description('dispute a line of a stored settlement: the amount claimed and the reason')
    .argument('<settlement>', 'the settlement id, e.g. northwind-brightpath-2026/2026-Q1/final/1')
    .requiredOption('--line <id>', 'the line id, e.g. base-fee or outcome:card-disputes/csat')
    .requiredOption('--claimed <amount>', 'what the line should be, e.g. 41250.00')
    .requiredOption('--reason <text>', 'why')
    .option('--evidence <file>', 'a file supporting the claim (repeatable)', collect, [])
    .action(
      async (
        settlement: string,
        o: Options & { line: string; claimed: string; reason: string; evidence: string[] },
      ) => {
        const format = show(o.format);
        const input = {
          settlement,
          line: o.line,
          claimed: o.claimed,
          reason: o.reason,
          party: checkParty(o.as),
        };
        await withStore(o, async (store) => {
          const opened = await openDispute(store, o.tenant, { ...input, evidence: evidenceOf(o.evidence) });
          process.stdout.write(formatDispute(opened, format));
        });
      },
    );

  party(dispute.command('list'))
    .description("disputes; as the vendor, the vendor's own only")
    .option('--vendor <vendor>', 'with --as vendor: the vendor you act for (required)')
    .option('--contract <id>', 'only this contract')
    .option('--status <status>', 'open, accepted, rejected or withdrawn')
    .action(async (o: Options & { vendor?: string; contract?: string; status?: string }) => {
      const format = show(o.format);
      const vendor = vendorFor(checkParty(o.as), o.vendor);
      await withStore(o, async (store) => {
        const filter = {
          ...(vendor ? { vendor } : {}),
          ...(o.contract ? { contract: o.contract } : {}),
          ...(o.status ? { status: o.status } : {}),
        };
        process.stdout.write(formatDisputes(await listDisputes(store, o.tenant, filter), format));
      });
    });

  party(dispute.command('show'))
    .description('a dispute with its thread')
    .argument('<id>')
    .option('--vendor <vendor>', 'with --as vendor: the vendor you act for (required)')
    .action(async (id: string, o: Options & { vendor?: string }) => {
      const format = show(o.format);
      const vendor = vendorFor(checkParty(o.as), o.vendor);
      await withStore(o, async (store) =>
        process.stdout.write(formatDispute(await getDispute(store, o.tenant, id, vendor), format)),
      );
    });

  party(dispute.command('comment'))
    .description('answer in the thread of an open dispute')
    .argument('<id>')
    .requiredOption('--message <text>', 'the answer')
    .option('--evidence <file>', 'a supporting file (repeatable)', collect, [])
    .action(async (id: string, o: Options & { message: string; evidence: string[] }) => {
      const format = show(o.format);
      await withStore(o, async (store) => {
        const d = await commentDispute(store, o.tenant, id, {
          party: checkParty(o.as),
          body: o.message,
          evidence: evidenceOf(o.evidence),
        });
        process.stdout.write(formatDispute(d, format));
      });
    });

  party(dispute.command('resolve'))
    .description('accepted (with --agreed) or rejected by the other party; withdrawn by the opener')
    .argument('<id>')
    .requiredOption('--outcome <outcome>', 'accepted, rejected or withdrawn')
    .option('--agreed <amount>', 'accepted: what the line should have been')
    .option('--note <text>', 'a closing note')
    .action(async (id: string, o: Options & { outcome: string; agreed?: string; note?: string }) => {
      const format = show(o.format);
      const r = {
        party: checkParty(o.as),
        outcome: o.outcome,
        ...(o.agreed ? { agreed: o.agreed } : {}),
        ...(o.note ? { note: o.note } : {}),
      };
      await withStore(o, async (store) =>
        process.stdout.write(formatDispute(await resolveDispute(store, o.tenant, id, r), format)),
      );
    });
}

/** On the command line a vendor names itself; the server takes it from the signed-in user. */
function vendorFor(party: string, vendor: string | undefined): string | undefined {
  if (party !== 'vendor') return undefined;
  if (!vendor)
    throw new UserError('--as vendor needs --vendor <vendor>: a vendor sees only its own disputes');
  return vendor;
}
