import type { Floors } from './metric-bench.js';
import { contactFloors, type FloorScope, seriesFloors } from './metric-floors.js';

/**
 * The same hand-written floor queries in PostgreSQL's spelling: percentile_cont for
 * quantile_cont, quoted interval literals, an alias on the derived table.
 */
const toPostgres = (text: string) =>
  text
    .replace(/quantile_cont\(([^,]+), ([\d.]+)\)/g, 'percentile_cont($2) WITHIN GROUP (ORDER BY $1)')
    .replace(/INTERVAL (\d+) DAY/g, "INTERVAL '$1 days'")
    .replace(/AND customer_id IS NULL\)/g, 'AND customer_id IS NULL) e');

const mapValues = (queries: Record<string, string>) =>
  Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, toPostgres(v)]));

export const postgresFloors: Floors = {
  contactFloors: (s: FloorScope, by?: string) => mapValues(contactFloors(s, by)),
  seriesFloors: (s: FloorScope) => mapValues(seriesFloors(s)),
};
