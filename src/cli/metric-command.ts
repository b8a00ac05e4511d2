import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Issue, UserError } from '../core/issues.js';
import { type CustomMetric, customInfo } from '../core/metric/custom/index.js';
import { textTableLines } from '../core/text-table.js';
import { loadDocument } from '../files/load-document.js';
import { applyMetric, listMetrics, parseCustomMetric, removeMetric } from '../query/custom-metric-store.js';
import { isPostgresLocation, resolveLocation } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

/** `covenant metric validate|apply|list|show|remove`: a client's own metrics (docs/custom-metrics.md). */
export function registerMetric(program: Command): void {
  const metric = program
    .command('metric')
    .description("a client's own metrics, defined in YAML (kind Metric)");
  metric
    .command('validate')
    .description('check Metric files: every problem with file:line:column, nothing stored')
    .argument('<files...>', 'Metric YAML files')
    .action(async (files: string[]) => {
      await parseAll(files);
      process.stdout.write(`${files.length} metric file${files.length === 1 ? '' : 's'} valid\n`);
    });
  withStoreOptions(metric.command('apply'))
    .description("store Metric files in the tenant's catalog (replacing a metric of the same name)")
    .argument('<files...>', 'Metric YAML files')
    .action(async (files: string[], options: StoreOptions) => {
      const metrics = await parseAll(files);
      await withStore(options, (store) =>
        store.transaction(async (tx) => {
          for (const m of metrics)
            process.stdout.write(`${m.id} ${await applyMetric(tx, options.tenant, m)}\n`);
        }),
      );
    });
  withStoreOptions(metric.command('list'))
    .description("the tenant's custom metrics")
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: StoreOptions & { format: string }) => {
      const metrics = await withStore(options, (store) => listMetrics(store, options.tenant));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(metrics.map(customInfo), null, 2)}\n`);
        return;
      }
      const rows = metrics.map((m) => [m.id, m.type, m.dataset, m.unit, m.direction, m.label.singular]);
      process.stdout.write(
        rows.length === 0
          ? 'no custom metrics\n'
          : `${textTableLines(['id', 'type', 'dataset', 'unit', 'direction', 'label'], rows).join('\n')}\n`,
      );
    });
  withStoreOptions(metric.command('show'))
    .description('a custom metric as applied (its YAML)')
    .argument('<id>', 'the metric id (metadata.name)')
    .action(async (id: string, options: StoreOptions) => {
      const found = (await withStore(options, (store) => listMetrics(store, options.tenant))).find(
        (m) => m.id === id,
      );
      if (!found) throw new UserError(`no custom metric ${id} in tenant ${options.tenant}`);
      process.stdout.write(found.source.endsWith('\n') ? found.source : `${found.source}\n`);
    });
  withStoreOptions(metric.command('remove'))
    .description("remove a custom metric from the tenant's catalog")
    .argument('<id>', 'the metric id')
    .action(async (id: string, options: StoreOptions) => {
      await withStore(options, (store) => removeMetric(store, options.tenant, id));
      process.stdout.write(`${id} removed\n`);
    });
}

/** Every file parsed; all their problems reported together. */
async function parseAll(files: string[]): Promise<CustomMetric[]> {
  const metrics: CustomMetric[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const parsed = await loadDocument(file, 'metric', parseCustomMetric);
    if (parsed.ok) metrics.push(parsed.value);
    else issues.push(...parsed.issues);
  }
  if (issues.length > 0) {
    throw new UserError(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the metric files`,
      issues,
    );
  }
  const ids = metrics.map((m) => m.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new UserError(`two files define ${twice.join(', ')}`);
  return metrics;
}

/** One Metric file, parsed (a UserError with every issue when it is not valid). */
export async function readMetricFile(file: string): Promise<CustomMetric> {
  const [metric] = await parseAll([file]);
  return metric as CustomMetric;
}

/** The tenant's custom metrics when a store is there to ask (never creates one just to list the catalog). */
export async function customMetricsOf(options: Partial<StoreOptions>): Promise<CustomMetric[]> {
  const location = resolveLocation(options.db);
  if (!isPostgresLocation(location) && location !== ':memory:' && !existsSync(location)) return [];
  try {
    return await withStore({ tenant: options.tenant ?? 'default', ...options }, (store: Store) =>
      listMetrics(store, options.tenant ?? 'default'),
    );
  } catch (error) {
    // The built-in catalog stays readable when the store is not (another process holds a DuckDB file).
    process.stderr.write(`warning: the tenant's own metrics are not listed: ${(error as Error).message}\n`);
    return [];
  }
}
