import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { DIMENSIONS, type Dimension, type Grain, isDimension } from '../core/metric/scope.js';
import type { Sql } from '../core/sql/fragment.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';
import { formatOption, integerIn } from './options.js';

interface Options extends StoreOptions {
  period: string;
  timezone?: string;
  where: string[];
  by?: string;
  grain?: string;
  param: string[];
  baseline?: string;
  minN: number;
  format: string;
  explain?: boolean;
  contract?: string;
  asOf?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerQuery(program: Command): void {
  withStoreOptions(program.command('query'))
    .description('measure metrics over a period with n, 95% intervals, maturity and a baseline comparison')
    .argument('<metrics>', 'metric ids, comma separated (see covenant metrics)')
    .requiredOption(
      '--period <period>',
      '2026-Q1, 2026-03, 2026, 2026-01-01..2026-03-31, or a range 2026-Q1..2026-Q4',
    )
    .option(
      '--timezone <zone>',
      "zone whose local midnights bound the period (default UTC, or the contract's)",
    )
    .option(
      '--where <key=value>',
      `filter on ${DIMENSIONS.join(', ')} (repeatable; a,b for several values)`,
      collect,
      [],
    )
    .option('--by <dims>', 'break down by dimensions, comma separated')
    .option('--grain <grain>', 'time series by day, week or month in the period zone')
    .option('--param <key=value>', 'metric parameter, e.g. repeatWindow=3d (repeatable)', collect, [])
    .option('--baseline <period|number>', 'compare with a period measured from data, or a written number')
    .option(
      '--min-n <n>',
      'values with n below this are marked insufficient',
      integerIn({ min: 0, max: 1e9 }),
      1,
    )
    .addOption(formatOption(['csv']))
    .option('--explain', 'print each definition and the SQL that ran')
    .option(
      '--contract <id>',
      "measure with this contract's parameters and time zone, as its pages do (value metrics need it)",
    )
    .option('--as-of <instant>', 'judge maturity and deadlines as of this instant (default now)')
    .action(async (metrics: string, options: Options) => {
      // Loaded here, so that usage errors answer before the query engine loads.
      const { answerQuery, CLI_FIELDS } = await import('../contracts/answer-query.js');
      const { explainText } = await import('./explain.js');
      const { formatResults } = await import('./format-results.js');
      const statements: Sql[] = [];
      const ids = metrics
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      await withStore(options, async (store) => {
        const answer = await answerQuery(
          store,
          options.tenant,
          {
            metrics: ids,
            period: options.period,
            timezone: options.timezone,
            where: parseWhere(options.where),
            by: parseBy(options.by),
            grain: parseGrain(options.grain),
            params: parsePairs(options.param, '--param'),
            baseline: options.baseline,
            minN: options.minN,
            contract: options.contract,
            asOf: options.asOf,
          },
          CLI_FIELDS,
          options.explain ? (s) => statements.push(s) : undefined,
        );
        for (const warning of answer.warnings) process.stderr.write(`warning: ${warning}\n`);
        if (options.explain) process.stdout.write(explainText(ids, statements, store.dialect));
        process.stdout.write(formatResults(answer.results, options.format));
      });
    });
}

function parsePairs(pairs: string[], option: string): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UserError(`${option} ${pair}: expected key=value`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
}

function parseWhere(pairs: string[]): Partial<Record<Dimension, string[]>> {
  const where: Partial<Record<Dimension, string[]>> = {};
  for (const [key, value] of Object.entries(parsePairs(pairs, '--where'))) {
    if (!isDimension(key)) throw new UserError(`--where ${key}: expected one of ${DIMENSIONS.join(', ')}`);
    where[key] = value.split(',').map((v) => v.trim());
  }
  return where;
}

function parseBy(text?: string): Dimension[] {
  const dims = text ? text.split(',').map((d) => d.trim()) : [];
  for (const dim of dims)
    if (!isDimension(dim)) throw new UserError(`--by ${dim}: expected one of ${DIMENSIONS.join(', ')}`);
  return dims as Dimension[];
}

function parseGrain(text?: string): Grain | undefined {
  if (text === undefined) return undefined;
  if (text !== 'day' && text !== 'week' && text !== 'month')
    throw new UserError(`--grain ${text}: expected day, week or month`);
  return text;
}
