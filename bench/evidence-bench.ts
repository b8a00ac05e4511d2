import { existsSync } from 'node:fs';
import { getVersion } from '../src/contracts/contract-store.js';
import { contractOverview } from '../src/contracts/overview.js';
import { computeSettlement } from '../src/contracts/settle-contract.js';
import type { Contract } from '../src/core/contract/types.js';
import { raw } from '../src/core/sql/fragment.js';
import { periodBounds } from '../src/core/time/boundaries.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { buildScorecard } from '../src/renewal/scorecard.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { Store } from '../src/store/store.js';
import { parseWindow } from '../src/core/time/period-window.js';

/**
 * The three pages a COO opens before a renewal talk, each cold (a freshly opened store,
 * no result cache), on the demo: the renewal scorecard, the contract overview and the
 * settlement of a quarter. Each beside its floor: the same outcomes' values (and the
 * base units) by hand-written DuckDB statements, one per outcome and period.
 */
const CONTRACT = 'northwind-brightpath-2026';
const QUARTERS: [string, string, string][] = [
  ['2026-Q1', '2026-01-01', '2026-03-31'],
  ['2026-Q2', '2026-04-01', '2026-06-30'],
  ['2026-Q3', '2026-07-01', '2026-09-30'],
  ['2026-Q4', '2026-10-01', '2026-12-31'],
];
const AS_OF = '2027-01-02T00:00:00Z';

export interface ColdFigure {
  name: string;
  seconds: number;
  floorSeconds: number;
}

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Hand-written statements for each outcome of the contract over [start, end), and the base units. */
function floorStatements(contract: Contract, start: string, end: string): string[] {
  const range = `started_at >= TIMESTAMPTZ '${start}' AND started_at < TIMESTAMPTZ '${end}'`;
  const base = `FROM interactions WHERE tenant = 'default' AND vendor = '${contract.vendor}' AND ${range}`;
  const statements = [
    `SELECT count(*) ${base} AND workflow IN (${list(contract.workflows)}) AND NOT abandoned AND path IN ('human','bot_to_human')`,
  ];
  for (const p of contract.portfolios) {
    const wf = `AND workflow IN (${list(p.workflows)})`;
    for (const o of p.outcomes) {
      switch (o.metric) {
        case 'csat':
          statements.push(
            `SELECT count(*) FILTER (WHERE csat >= 4), count(*) ${base} ${wf} AND NOT abandoned AND csat IS NOT NULL`,
          );
          break;
        case 'error_rate':
          statements.push(`SELECT count(*) FILTER (WHERE error), count(*) ${base} ${wf} AND NOT abandoned`);
          break;
        case 'resolution_rate':
          statements.push(
            `SELECT count(*) FILTER (WHERE resolved), count(*) ${base} ${wf} AND NOT abandoned`,
          );
          break;
        case 'fcr':
          statements.push(`WITH l AS (SELECT *, lag(started_at) OVER w AS p, lead(started_at) OVER w AS nx FROM interactions
              WHERE tenant = 'default' AND customer_id IS NOT NULL AND started_at >= TIMESTAMPTZ '${start}' - INTERVAL 7 DAY
                AND started_at < TIMESTAMPTZ '${end}' + INTERVAL 7 DAY
              WINDOW w AS (PARTITION BY customer_id, workflow ORDER BY started_at, interaction_id))
            SELECT count(*) FILTER (WHERE (nx IS NULL OR nx > started_at + INTERVAL 7 DAY) AND NOT abandoned AND resolved), count(*)
            FROM l WHERE (p IS NULL OR started_at > p + INTERVAL 7 DAY) AND vendor = '${contract.vendor}' ${wf} AND ${range}`);
          break;
        case 'retention_90d':
          statements.push(`WITH f AS (SELECT customer_id, min(started_at) AS first_at ${base} ${wf} AND NOT abandoned AND customer_id IS NOT NULL GROUP BY customer_id)
            SELECT count(c.customer_id) FILTER (WHERE c.churned_at IS NULL OR c.churned_at > CAST(timezone('Europe/Lisbon', f.first_at) AS DATE) + 90), count(c.customer_id)
            FROM f LEFT JOIN customers c ON c.tenant = 'default' AND c.customer_id = f.customer_id`);
          break;
        default:
          throw new Error(`no floor for ${o.metric}`);
      }
    }
  }
  return statements;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

/** Opens the store afresh for each figure, so nothing computed by one load serves the next. */
async function cold(dbFile: string, fn: (store: Store) => Promise<unknown>): Promise<number> {
  const store = await DuckDbStore.open(dbFile);
  try {
    return await timed(() => fn(store));
  } finally {
    await store.close();
  }
}

export async function benchEvidence(dbFile: string, scale: number): Promise<ColdFigure[]> {
  if (!existsSync(dbFile)) {
    const store = await DuckDbStore.open(dbFile);
    await loadDemo(store, { scale, seed: 1, tenant: 'default' });
    await store.close();
  }
  const setup = await DuckDbStore.open(dbFile);
  const { contract } = await getVersion(setup, 'default', CONTRACT);
  const version = await getVersion(setup, 'default', CONTRACT);
  await setup.close();
  const bounds = (from: string, to: string) =>
    periodBounds({ startDate: from, endDate: to }, contract.timezone);
  const floorOf = (periods: [string, string][]) => (store: Store) =>
    (async () => {
      for (const [from, to] of periods) {
        const { start, end } = bounds(from, to);
        for (const text of floorStatements(contract, start, end)) await store.query(raw(text));
      }
    })();
  const q3: [string, string] = ['2026-07-01', '2026-09-30'];
  const term: [string, string][] = [
    ['2026-01-01', '2026-12-31'],
    ...QUARTERS.map(([, a, b]) => [a, b] as [string, string]),
  ];
  return [
    {
      name: 'renewal scorecard (term so far and four quarters, every invoice)',
      seconds: await cold(dbFile, (s) => buildScorecard(s, 'default', CONTRACT, { asOf: '2027-01-01' })),
      floorSeconds: await cold(dbFile, floorOf(term)),
    },
    {
      name: 'contract overview (2026-Q3)',
      seconds: await cold(dbFile, (s) =>
        contractOverview(s, 'default', version, parseWindow('2026-Q3', 'Europe/Lisbon', 'period'), AS_OF),
      ),
      floorSeconds: await cold(dbFile, floorOf([q3])),
    },
    {
      name: 'settlement (2026-Q3)',
      seconds: await cold(dbFile, (s) =>
        computeSettlement(s, 'default', CONTRACT, parseWindow('2026-Q3', 'Europe/Lisbon', 'period'), AS_OF),
      ),
      floorSeconds: await cold(dbFile, floorOf([q3])),
    },
  ];
}
