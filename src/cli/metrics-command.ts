import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { METRIC_CATALOG, metricInfo } from '../core/metric/catalog.js';
import { customInfo } from '../core/metric/custom/index.js';
import type { MetricInfo } from '../core/metric/types.js';
import { type StoreOptions, withStoreOptions } from './context.js';
import { customMetricsOf } from './metric-command.js';
import { formatOption } from './options.js';

export function registerMetrics(program: Command): void {
  withStoreOptions(program.command('metrics'))
    .description('the metric catalog: every definition, unit, direction, parameters, interval and maturity')
    .argument('[id]', 'one metric')
    .addOption(formatOption())
    .action(async (id: string | undefined, options: StoreOptions & { format: string }) => {
      // The tenant's own metrics follow the built-in catalog (metric-command.ts).
      const custom = (await customMetricsOf(options)).map(customInfo);
      const all = [...METRIC_CATALOG, ...custom];
      const list = id ? [metricInfo(id) ?? custom.find((m) => m.id === id)] : all;
      if (list[0] === undefined) throw new UserError(`unknown metric ${id}`);
      const infos = list as MetricInfo[];
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(infos, null, 2)}\n`
          : `${infos.map(describe).join('\n\n')}\n`,
      );
    });
}

function describe(m: MetricInfo): string {
  const params = m.params.map((p) => `${p.name} = ${JSON.stringify(p.default)} (${p.description})`);
  const matures = m.maturity.after === 'period_end' ? 'at period end' : `period end + ${m.maturity.param}`;
  return [
    `${m.id} — ${m.label.singular} [${m.family}]`,
    `  ${m.formula}`,
    `  unit ${m.unit}; ${m.direction === 'neutral' ? 'neutral' : `${m.direction} is better`}; n = ${m.n}; interval ${m.interval}; matures ${matures}`,
    `  reads ${m.datasets.join(', ')}${params.length > 0 ? `; parameters: ${params.join('; ')}` : ''}`,
  ].join('\n');
}
