import { type Command, InvalidArgumentError, Option } from 'commander';
import { MAX_AGENTS } from '../core/staffing/limits.js';
import { ExitCode } from './context.js';
import { formatOption, fractionIn, numberIn } from './options.js';
import { table } from './table.js';

interface Options {
  contacts: number;
  interval: number;
  aht: number;
  target: { serviceLevel: number; answerWithin: number };
  shrinkage?: number;
  maxOccupancy?: number;
  format: string;
}

const DAY = 86_400;

function parseTarget(text: string): { serviceLevel: number; answerWithin: number } {
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(text.trim());
  const serviceLevel = Number(match?.[1]);
  const answerWithin = Number(match?.[2]);
  if (!match || !(serviceLevel > 0 && serviceLevel < 100) || answerWithin > 3600)
    throw new InvalidArgumentError(
      'expected SL/seconds with SL above 0 and below 100 and seconds 0..3600, e.g. 80/20 (80% answered within 20 s).',
    );
  return { serviceLevel: serviceLevel / 100, answerWithin };
}

/** A contract duration (20s, 30m, 4h, 1d: core/time/duration.ts), checked here without loading the time zone library. */
function parseInterval(text: string): number {
  const match = /^(\d{1,7})(s|m|h|d)$/.exec(text.trim());
  const seconds = match
    ? Number(match[1]) * { s: 1, m: 60, h: 3600, d: DAY }[match[2] as 's' | 'm' | 'h' | 'd']
    : 0;
  if (!(seconds > 0 && seconds <= DAY))
    throw new InvalidArgumentError('expected a duration from 1s to 1d, e.g. 15m or 30m.');
  return seconds;
}

export function registerStaffing(program: Command): void {
  program
    .command('staffing')
    .description(
      `agents needed for a service level (Erlang C): agents, P(wait), service level, ASA, occupancy; ` +
        `"not reachable" (exit 1) when no count up to ${MAX_AGENTS} agents meets it`,
    )
    .addOption(
      new Option('--contacts <n>', 'contacts offered per interval (0 to 10,000,000)')
        .argParser(numberIn({ min: 0, max: 10_000_000 }))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--interval <duration>', 'interval length, 1s to 1d')
        .default(1800, '30m')
        .argParser(parseInterval),
    )
    .addOption(
      new Option('--aht <seconds>', 'average handle time in seconds (above 0, at most 86400)')
        .argParser(numberIn({ min: 0, minExclusive: true, max: DAY }))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--target <sl/seconds>', 'service level target, e.g. 80/20')
        .argParser(parseTarget)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--shrinkage <p>', 'share of paid time not available, e.g. 30% or 0.3').argParser(
        fractionIn({ min: 0, max: 1, maxExclusive: true }),
      ),
    )
    .addOption(
      new Option('--max-occupancy <p>', 'the most occupancy allowed, e.g. 85%').argParser(
        fractionIn({ min: 0, minExclusive: true, max: 1 }),
      ),
    )
    .addOption(formatOption())
    .action(async (options: Options) => {
      // The model loads here, so that usage errors answer before it does.
      const { StaffingNotReachable, solveErlangC } = await import('../core/staffing/erlang-c.js');
      try {
        const result = solveErlangC(
          { contacts: options.contacts, intervalSeconds: options.interval, ahtSeconds: options.aht },
          {
            ...options.target,
            ...(options.shrinkage === undefined ? {} : { shrinkage: options.shrinkage }),
            ...(options.maxOccupancy === undefined ? {} : { maxOccupancy: options.maxOccupancy }),
          },
        );
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify({ reachable: true, ...result }, null, 2)}\n`);
          return;
        }
        const rows = Object.entries(result).map(([key, value]) => [
          key,
          typeof value === 'number' ? String(Math.round(value * 10000) / 10000) : JSON.stringify(value),
        ]);
        process.stdout.write(`${table(['measure', 'value'], rows)}\n`);
      } catch (error) {
        if (!(error instanceof StaffingNotReachable)) throw error;
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify({ reachable: false, reason: error.message }, null, 2)}\n`
            : `${error.message}\n`,
        );
        process.exitCode = ExitCode.rejected;
      }
    });
}
