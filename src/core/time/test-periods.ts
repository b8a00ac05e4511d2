import type { Result } from '../issues.js';
import { type Period, parsePeriod } from './period.js';

/** Test helper: a period that must parse. */
export function period(text: string): Period {
  const result: Result<Period> = parsePeriod(text);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.value;
}
