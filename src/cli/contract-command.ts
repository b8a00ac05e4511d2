import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { getVersion, listVersions, readContractFile, storeVersion } from '../contracts/contract-store.js';
import { contractDiff, contractJsonSchema, formatDiff } from '../core/contract/index.js';
import { formatIssue, UserError } from '../core/issues.js';
import { setCustomMetrics } from '../core/metric/catalog.js';
import { customInfo } from '../core/metric/custom/index.js';
import { loadContract } from '../files/load-document.js';
import { loadTenantMetrics } from '../query/custom-metric-store.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { customMetricsOf, readMetricFile } from './metric-command.js';
import { table } from './table.js';

export function registerContract(program: Command): void {
  const contract = program
    .command('contract')
    .description('contracts as code: validate, apply, list, show, diff, schema');

  withStoreOptions(contract.command('validate'))
    .description('check contract files, reporting every problem with file:line:column')
    .argument('<files...>')
    .option('--metrics <files...>', 'Metric files the outcomes may name (besides the store’s)')
    .action(async (files: string[], options: StoreOptions & { metrics?: string[] }) => {
      // Outcomes may name the tenant's own metrics: the store's when there is one, and files given.
      const named = await Promise.all((options.metrics ?? []).map((file) => readMetricFile(file)));
      setCustomMetrics([...(await customMetricsOf(options)), ...named].map(customInfo));
      let bad = 0;
      for (const file of files) {
        const parsed = await loadContract(file);
        const issues = parsed.ok ? parsed.warnings : parsed.issues;
        for (const issue of issues)
          process.stdout.write(`${parsed.ok ? 'warning: ' : ''}${formatIssue(issue)}\n`);
        if (parsed.ok) process.stdout.write(`${file}: valid (${parsed.value.name})\n`);
        else bad += 1;
      }
      if (bad > 0) throw new UserError(`${bad} of ${files.length} contract file(s) are not valid`);
    });

  withStoreOptions(contract.command('apply'))
    .description('store a contract file as a new version (an unchanged file adds none)')
    .argument('<file>')
    .action(async (file: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        await loadTenantMetrics(store, options.tenant);
        const input = await readContractFile(file);
        const stored = await store.transaction((tx) =>
          storeVersion(tx, options.tenant, { ...input, origin: `file ${file}` }),
        );
        const what = stored.created ? 'stored as version' : 'unchanged: still version';
        process.stdout.write(`${input.contract.name}: ${what} ${stored.version}\n`);
      });
    });

  withStoreOptions(contract.command('list'))
    .description('the stored contracts and their versions')
    .action(async (options: StoreOptions) => {
      await withStore(options, async (store) => {
        const rows = (await listVersions(store, options.tenant)).map((v) => [
          v.contractId,
          String(v.version),
          v.effectiveFrom,
          v.contract.vendor,
          v.origin,
        ]);
        process.stdout.write(
          `${table(['contract', 'version', 'effective from', 'vendor', 'origin'], rows)}\n`,
        );
      });
    });

  withStoreOptions(contract.command('show'))
    .description('print a stored version as YAML')
    .argument('<id>')
    .option('--version <n>', 'a version number (default the latest)')
    .action(async (id: string, options: StoreOptions & { version?: string }) => {
      await withStore(options, async (store) => {
        const v = await getVersion(
          store,
          options.tenant,
          id,
          options.version === undefined ? undefined : Number(options.version),
        );
        process.stdout.write(
          `# ${id} version ${v.version}, effective from ${v.effectiveFrom} (${v.origin})\n${v.source}`,
        );
      });
    });

  withStoreOptions(contract.command('diff'))
    .description('what changed between two versions')
    .argument('<id>')
    .argument('<v1>')
    .argument('<v2>')
    .action(async (id: string, v1: string, v2: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        const a = await getVersion(store, options.tenant, id, Number(v1));
        const b = await getVersion(store, options.tenant, id, Number(v2));
        process.stdout.write(`${formatDiff(contractDiff(a.contract, b.contract))}\n`);
      });
    });

  contract
    .command('schema')
    .description('the JSON Schema of the Contract kind, for editors')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { out?: string }) => {
      const text = `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}
