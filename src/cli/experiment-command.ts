import type { Command } from 'commander';
import { checkExperiment, type ExperimentInput, parseFilters } from '../core/experiment/index.js';
import { UserError } from '../core/issues.js';
import { textTable } from '../core/text-table.js';
import { estimateExperiment } from '../evidence/estimate-experiment.js';
import {
  getExperiment,
  listExperiments,
  removeExperiment,
  saveExperiment,
} from '../evidence/experiment-store.js';
import { experimentText } from '../evidence/format-experiment.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

interface DefinitionOptions extends StoreOptions {
  metric: string;
  treated: string;
  control: string;
  start: string;
  pre: string;
  post: string;
  timezone: string;
  where?: string;
  title?: string;
  contract?: string;
  minSample: string;
  format: string;
}

const definitionOptions = (command: Command) =>
  withStoreOptions(command)
    .requiredOption('--metric <id>', 'metric id (see covenant metrics)')
    .requiredOption('--treated <k=v[,k=v]>', 'treated scope, e.g. site=lisbon')
    .requiredOption('--control <k=v[,k=v]>', 'control scope, e.g. vendor=coastline')
    .requiredOption('--start <date>', 'intervention date (first day of the post window)')
    .option('--pre <days>', 'pre window before the start', '90d')
    .option('--post <days>', 'post window from the start', '90d')
    .option('--timezone <zone>', 'zone whose local midnights bound the windows', 'UTC')
    .option('--where <k=v[,k=v]>', 'filters both arms share, e.g. workflow=card_dispute')
    .option('--min-sample <n>', 'a cell under this n makes the estimate insufficient', '100');

function definitionOf(id: string | undefined, o: DefinitionOptions) {
  const input: ExperimentInput = {
    ...(id ? { id } : {}),
    ...(o.title ? { title: o.title } : {}),
    metric: o.metric,
    treated: parseFilters(o.treated, '--treated'),
    control: parseFilters(o.control, '--control'),
    where: o.where ? parseFilters(o.where, '--where') : {},
    start: o.start,
    pre: o.pre,
    post: o.post,
    timezone: o.timezone,
    contract: o.contract ?? null,
  };
  const checked = checkExperiment(input, id !== undefined);
  if (!checked.ok) throw new UserError('the experiment has problems', checked.issues);
  return checked.value;
}

const minSampleOf = (text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1e9)
    throw new UserError(`--min-sample ${text}: expected a whole number >= 1`);
  return n;
};

export function registerExperiment(program: Command): void {
  const experiment = program
    .command('experiment')
    .description('joint interventions by difference in differences');
  definitionOptions(experiment.command('estimate'))
    .description('estimate a one-off experiment: effect, 95% interval, p and the four cells')
    .option('--format <format>', 'table or json', 'table')
    .action(async (o: DefinitionOptions) => {
      const def = definitionOf(undefined, o);
      await withStore(o, async (store) => {
        const e = await estimateExperiment(store, o.tenant, def, { minSample: minSampleOf(o.minSample) });
        process.stdout.write(
          o.format === 'json' ? `${JSON.stringify(e, null, 2)}\n` : experimentText('one-off', e),
        );
      });
    });
  definitionOptions(experiment.command('add'))
    .description('store an experiment')
    .argument('<id>', 'experiment id: lowercase, digits, -')
    .option('--title <text>', 'what was changed')
    .option('--contract <id>', 'the contract it belongs to')
    .action(async (id: string, o: DefinitionOptions) => {
      const def = definitionOf(id, o);
      await withStore(o, (store) => store.transaction((tx) => saveExperiment(tx, o.tenant, def)));
      process.stdout.write(`stored experiment ${def.id}\n`);
    });
  withStoreOptions(experiment.command('list'))
    .description('stored experiments')
    .option('--contract <id>', 'only those of this contract')
    .action(async (o: StoreOptions & { contract?: string }) => {
      const defs = await withStore(o, (store) => listExperiments(store, o.tenant, o.contract));
      const rows = defs.map((d) => [d.id, d.metric, d.start, d.contract ?? '-', d.title]);
      process.stdout.write(`${textTable(['id', 'metric', 'start', 'contract', 'title'], rows)}\n`);
    });
  withStoreOptions(experiment.command('show'))
    .description('a stored experiment with its estimate')
    .argument('<id>')
    .option('--min-sample <n>', 'a cell under this n makes the estimate insufficient', '100')
    .option('--format <format>', 'table or json', 'table')
    .action(async (id: string, o: StoreOptions & { minSample: string; format: string }) => {
      await withStore(o, async (store) => {
        const def = await getExperiment(store, o.tenant, id);
        const e = await estimateExperiment(store, o.tenant, def, { minSample: minSampleOf(o.minSample) });
        process.stdout.write(
          o.format === 'json'
            ? `${JSON.stringify({ experiment: def, estimate: e }, null, 2)}\n`
            : experimentText(def.title, e),
        );
      });
    });
  withStoreOptions(experiment.command('remove'))
    .description('remove a stored experiment')
    .argument('<id>')
    .action(async (id: string, o: StoreOptions) => {
      await withStore(o, (store) => store.transaction((tx) => removeExperiment(tx, o.tenant, id)));
      process.stdout.write(`removed experiment ${id}\n`);
    });
}
