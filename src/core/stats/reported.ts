/**
 * A number as Covenant reports it: 12 significant digits. Engines add floating-point sums
 * in an order of their own (DuckDB's threads, PostgreSQL's plans), which moves the 16th
 * digit between runs and stores; reported values must not, so every store, role and surface
 * shows one number. Twelve digits keep far more than any display or settlement uses.
 */
export function reported<T extends number | null>(x: T): T {
  if (x === null || !Number.isFinite(x)) return x;
  return Number((x as number).toPrecision(12)) as T;
}

const FIELDS = [
  'value',
  'low',
  'high',
  'baseline',
  'difference',
  'differenceLow',
  'differenceHigh',
  'p',
] as const;

/** A result with every number as reported: what the surfaces (CLI, API, pages, settlement) show. */
export function reportedResult<R extends Partial<Record<(typeof FIELDS)[number], number | null>>>(
  result: R,
): R {
  const out = { ...result };
  for (const field of FIELDS) {
    const value = out[field];
    if (typeof value === 'number') (out as Record<string, number | null>)[field] = reported(value);
  }
  return out;
}
