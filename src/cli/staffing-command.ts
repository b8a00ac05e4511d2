import type { Command } from 'commander';
import { UserError } from '../core/issues.js';
import { solveErlangC } from '../core/staffing/erlang-c.js';
import { requireDuration } from '../core/time/duration.js';
import { table } from './table.js';

interface Options {
  contacts: string;
  interval: string;
  aht: string;
  target: string;
  shrinkage?: string;
  maxOccupancy?: string;
  format: string;
}

const fraction = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

export function registerStaffing(program: Command): void {
  program
    .command('staffing')
    .description(
      'agents needed for a service level (Erlang C): agents, P(wait), service level, ASA, occupancy',
    )
    .requiredOption('--contacts <n>', 'contacts offered per interval')
    .option('--interval <duration>', 'interval length', '30m')
    .requiredOption('--aht <seconds>', 'average handle time in seconds')
    .requiredOption('--target <sl/seconds>', 'service level target, e.g. 80/20')
    .option('--shrinkage <p>', 'share of paid time not available, e.g. 30% or 0.3')
    .option('--max-occupancy <p>', 'the most occupancy allowed, e.g. 85%')
    .option('--format <format>', 'table or json', 'table')
    .action((options: Options) => {
      const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(options.target);
      if (!match)
        throw new UserError(`--target ${options.target}: expected e.g. 80/20 (80% answered within 20 s)`);
      const result = solveErlangC(
        {
          contacts: Number(options.contacts),
          intervalSeconds: requireDuration(options.interval).seconds,
          ahtSeconds: Number(options.aht),
        },
        {
          serviceLevel: Number(match[1]) / 100,
          answerWithin: Number(match[2]),
          ...(options.shrinkage ? { shrinkage: fraction(options.shrinkage) } : {}),
          ...(options.maxOccupancy ? { maxOccupancy: fraction(options.maxOccupancy) } : {}),
        },
      );
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rows = Object.entries(result).map(([key, value]) => [
        key,
        typeof value === 'number' ? String(Math.round(value * 10000) / 10000) : JSON.stringify(value),
      ]);
      process.stdout.write(`${table(['measure', 'value'], rows)}\n`);
    });
}
