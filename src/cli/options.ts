import { InvalidArgumentError, Option } from 'commander';

/**
 * Options parsed and range-checked at the edge: a bad value is a usage error (exit 2)
 * that says what was expected, before any store is opened or any model runs.
 */

export interface Range {
  min: number;
  max: number;
  /** Whether the bounds themselves are allowed (default both inclusive). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function describe(range: Range, what: string): string {
  const low = `${range.minExclusive ? 'above' : 'at least'} ${range.min}`;
  const high = `${range.maxExclusive ? 'below' : 'at most'} ${range.max}`;
  return `${what} ${low} and ${high}`;
}

function inRange(value: number, range: Range): boolean {
  const aboveMin = range.minExclusive ? value > range.min : value >= range.min;
  const belowMax = range.maxExclusive ? value < range.max : value <= range.max;
  return aboveMin && belowMax;
}

/** A plain decimal number (no exponent, no hex, no Infinity) in the range. */
export function numberIn(range: Range): (text: string) => number {
  return (text) => {
    const value = Number(text.trim());
    if (!NUMBER.test(text.trim()) || !inRange(value, range))
      throw new InvalidArgumentError(`expected ${describe(range, 'a number')}.`);
    return value;
  };
}

/** A whole number in the range. */
export function integerIn(range: Range): (text: string) => number {
  return (text) => {
    const value = Number(text.trim());
    if (!/^[+-]?\d+$/.test(text.trim()) || !inRange(value, range))
      throw new InvalidArgumentError(`expected ${describe(range, 'a whole number')}.`);
    return value;
  };
}

/** A share written `30%` or `0.3`, in the range (as a fraction). */
export function fractionIn(range: Range): (text: string) => number {
  return (text) => {
    const trimmed = text.trim();
    const percent = trimmed.endsWith('%');
    const body = percent ? trimmed.slice(0, -1) : trimmed;
    const value = Number(body) / (percent ? 100 : 1);
    if (!NUMBER.test(body) || !inRange(value, range))
      throw new InvalidArgumentError(`expected a share ${describe(range, '').trim()} (e.g. 30% or 0.3).`);
    return value;
  };
}

/** A TCP port. */
/** A TCP port; 0 asks the system for a free one (tests, side-by-side servers). */
export const PORT = integerIn({ min: 0, max: 65_535 });

/** The one spelling of every command's output formats; `text` is another name for `table`. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'yaml' | 'html' | 'pdf' | 'xlsx';

/**
 * `--format` with the command's choices, validated the same way everywhere: `table` (the
 * default, alias `text`) and `json` on every command that prints data, plus what the command adds.
 */
export function formatOption(extra: OutputFormat[] = [], fallback: OutputFormat = 'table'): Option {
  const choices = ['table', 'json', ...extra.filter((f) => f !== 'table' && f !== 'json')];
  return new Option('--format <format>', `output format: ${choices.join(', ')}`)
    .default(fallback)
    .argParser((text: string) => {
      const value = text === 'text' ? 'table' : text;
      if (!choices.includes(value)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}.`);
      return value;
    });
}
