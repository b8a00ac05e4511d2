import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatIssue, UserError } from '../core/issues.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption } from './options.js';
import { table } from './table.js';

/**
 * `covenant rfp create|list|show|respond`: RFPs stored in the tenant's store (docs/rfp.md,
 * Stored RFPs), the same records the server's routes use. `rfp score` is in rfp-command.ts.
 */
const collect = (value: string, list: string[]) => [...list, value];
const warn = (issues: import('../core/issues.js').Issue[]) => {
  for (const w of issues) process.stderr.write(`warning: ${formatIssue(w)}\n`);
};

export function registerRfpStore(rfp: Command): void {
  withStoreOptions(rfp.command('create'))
    .description('create an RFP from the default template (--id) or from a YAML file (--from)')
    .option('--from <file>', 'an RFP document (kind: RFP); default: the default template')
    .option('--id <id>', 'with the template: the new RFP id, e.g. northwind-support-2028')
    .option('--title <title>', "default: the document's displayName")
    .requiredOption('--deadline <instant>', 'when responses close, e.g. 2027-01-15T17:00:00Z')
    .option('--evaluator <email>', 'a client user who scores (repeatable)', collect, [])
    .option('--vendor <id>', 'a vendor invited to respond (repeatable)', collect, [])
    .action(
      async (
        o: StoreOptions & {
          from?: string;
          id?: string;
          title?: string;
          deadline: string;
          evaluator: string[];
          vendor: string[];
        },
      ) => {
        if (!o.from && !o.id)
          throw new UserError('give --id (an RFP from the default template) or --from FILE');
        const { templateSource } = await import('../records/rfp-template.js');
        const { createRfp } = await import('../records/rfps.js');
        const source = o.from
          ? await readFile(o.from, 'utf8')
          : await templateSource({
              id: o.id ?? '',
              title: o.title ?? '',
              client: o.tenant,
              deadline: o.deadline,
              issued: new Date().toISOString(),
            });
        await withStore(o, async (store) => {
          const r = await createRfp(store, o.tenant, {
            source,
            file: o.from ?? 'template',
            ...(o.title ? { title: o.title } : {}),
            deadline: o.deadline,
            evaluators: o.evaluator,
            vendors: o.vendor,
          });
          process.stdout.write(
            `created ${r.id}: ${r.title}, responses due ${r.deadline}, ${r.rfp.questions.length} questions\n`,
          );
        });
      },
    );

  withStoreOptions(rfp.command('list'))
    .description("the tenant's RFPs")
    .action(async (o: StoreOptions) => {
      const { listRfps } = await import('../records/rfps.js');
      await withStore(o, async (store) => {
        const rows = (await listRfps(store, o.tenant)).map((r) => [
          r.id,
          r.title,
          r.deadline,
          r.vendors.join(', '),
          r.evaluators.join(', '),
        ]);
        process.stdout.write(`${table(['id', 'title', 'deadline', 'vendors', 'evaluators'], rows)}\n`);
      });
    });

  withStoreOptions(rfp.command('show'))
    .description('the comparison of a stored RFP from its stored scores (as `rfp score` on files)')
    .argument('<id>', 'the RFP id')
    .addOption(formatOption(['html']))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id: string, o: StoreOptions & { format: string; out?: string }) => {
      const { getRfp } = await import('../records/rfps.js');
      const { compareStoredRfp } = await import('../records/rfp-comparison.js');
      const { renderRfpHtml, renderRfpTable } = await import('../core/rfp/format.js');
      await withStore(o, async (store) => {
        const evaluation = await compareStoredRfp(store, o.tenant, await getRfp(store, o.tenant, id));
        for (const s of evaluation.scoring.filter((x) => !x.complete))
          process.stderr.write(
            `note: ${s.evaluator} has scored ${s.scored} of ${s.required}: not counted yet\n`,
          );
        const text =
          o.format === 'json'
            ? `${JSON.stringify(evaluation, null, 2)}\n`
            : o.format === 'html'
              ? renderRfpHtml(evaluation)
              : renderRfpTable(evaluation);
        if (o.out) await writeFile(o.out, text);
        else process.stdout.write(text);
      });
    });

  withStoreOptions(rfp.command('respond'))
    .description("store a vendor's response (kind: RFPResponse) to a stored RFP; refused after its deadline")
    .argument('<id>', 'the RFP id')
    .argument('<response>', 'the RFPResponse YAML; evidence files are read beside it')
    .requiredOption('--by <email>', "who submits it (the vendor's user)")
    .action(async (id: string, file: string, o: StoreOptions & { by: string }) => {
      const { getRfp } = await import('../records/rfps.js');
      const { respondFromFile } = await import('../records/rfp-file-input.js');
      const { LateSubmission } = await import('../core/rfp/setup.js');
      await withStore(o, async (store) => {
        try {
          const { stored, warnings } = await respondFromFile(
            store,
            o.tenant,
            await getRfp(store, o.tenant, id),
            file,
            o.by,
          );
          warn(warnings);
          process.stdout.write(`stored ${stored.vendor}'s response to ${id} at ${stored.submittedAt}\n`);
        } catch (error) {
          if (!(error instanceof LateSubmission)) throw error;
          process.stderr.write(`refused: ${error.message}\n`);
          process.exitCode = 1;
        }
      });
    });
}
