import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatIssue, UserError } from '../core/issues.js';
import { setCustomMetrics } from '../core/metric/catalog.js';
import { customInfo } from '../core/metric/custom/index.js';
import { loadContract } from '../files/load-document.js';
import { loadTenantMetrics } from '../query/custom-metric-store.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { customMetricsOf, readMetricFile } from './metric-command.js';
import { formatOption, integerIn } from './options.js';
import { table } from './table.js';

const stored = () => import('../contracts/contract-store.js');
const core = () => import('../core/contract/index.js');

const VERSION_NUMBER = integerIn({ min: 1, max: 1_000_000 });

export function registerContract(program: Command): void {
  const contract = program
    .command('contract')
    .description('contracts as code: validate, apply, list, show, diff, schema');

  withStoreOptions(contract.command('validate'))
    .description('check contract files, reporting every problem with file:line:column')
    .argument('<files...>')
    .option('--metrics <files...>', 'Metric files the outcomes may name (besides the store’s)')
    .addOption(formatOption())
    .action(async (files: string[], options: StoreOptions & { metrics?: string[]; format: string }) => {
      // Outcomes may name the tenant's own metrics: the store's when there is one, and files given.
      const named = await Promise.all((options.metrics ?? []).map((file) => readMetricFile(file)));
      setCustomMetrics(options.tenant, [...(await customMetricsOf(options)), ...named].map(customInfo));
      let bad = 0;
      const report = [];
      for (const file of files) {
        const parsed = await loadContract(file);
        const issues = parsed.ok ? parsed.warnings : parsed.issues;
        report.push({ file, valid: parsed.ok, [parsed.ok ? 'warnings' : 'issues']: issues });
        if (!parsed.ok) bad += 1;
        if (options.format === 'json') continue;
        for (const issue of issues)
          process.stdout.write(`${parsed.ok ? 'warning: ' : ''}${formatIssue(issue)}\n`);
        if (parsed.ok) process.stdout.write(`${file}: valid (${parsed.value.name})\n`);
      }
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      if (bad > 0) throw new UserError(`${bad} of ${files.length} contract file(s) are not valid`);
    });

  withStoreOptions(contract.command('apply'))
    .description('store a contract file as a new version (an unchanged file adds none)')
    .argument('<file>')
    .action(async (file: string, options: StoreOptions) => {
      const { readContractFile, storeVersion } = await stored();
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
    .addOption(formatOption())
    .action(async (options: StoreOptions & { format: string }) => {
      const { listVersions } = await stored();
      await withStore(options, async (store) => {
        const versions = await listVersions(store, options.tenant);
        if (options.format === 'json') {
          const list = versions.map((v) => ({
            contractId: v.contractId,
            version: v.version,
            effectiveFrom: v.effectiveFrom,
            vendor: v.contract.vendor,
            origin: v.origin,
          }));
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const rows = versions.map((v) => [
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
    .description('print a stored version as YAML (or JSON)')
    .argument('<id>')
    // Not --version: that is the program's own version.
    .option('--contract-version <n>', 'a version number (default the latest)', VERSION_NUMBER)
    .addOption(formatOption(['yaml'], 'yaml'))
    .action(async (id: string, options: StoreOptions & { contractVersion?: number; format: string }) => {
      const { getVersion } = await stored();
      await withStore(options, async (store) => {
        const v = await getVersion(store, options.tenant, id, options.contractVersion);
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `# ${id} version ${v.version}, effective from ${v.effectiveFrom} (${v.origin})\n${v.source}`,
        );
      });
    });

  withStoreOptions(contract.command('diff'))
    .description('what changed between two versions')
    .argument('<id>')
    .argument('<v1>', 'a version number', VERSION_NUMBER)
    .argument('<v2>', 'a version number', VERSION_NUMBER)
    .addOption(formatOption())
    .action(async (id: string, v1: number, v2: number, options: StoreOptions & { format: string }) => {
      const { getVersion } = await stored();
      const { contractDiff, formatDiff } = await core();
      await withStore(options, async (store) => {
        const a = await getVersion(store, options.tenant, id, v1);
        const b = await getVersion(store, options.tenant, id, v2);
        const diff = contractDiff(a.contract, b.contract);
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff)}\n`,
        );
      });
    });

  contract
    .command('schema')
    .description('the JSON Schema of the Contract kind, for editors')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { out?: string }) => {
      const { contractJsonSchema } = await core();
      const text = `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
    });
}
