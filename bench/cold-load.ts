import { getVersion } from '../src/contracts/contract-store.js';
import { measureOutcomes } from '../src/contracts/measure-outcomes.js';
import { contractOverview } from '../src/contracts/overview.js';
import { computeSettlement } from '../src/contracts/settle-contract.js';
import { warmMeasurements } from '../src/contracts/warm-measurements.js';
import type { Contract } from '../src/core/contract/types.js';
import { raw } from '../src/core/sql/fragment.js';
import { periodBounds } from '../src/core/time/boundaries.js';
import { parseWindow } from '../src/core/time/period-window.js';
import { buildScorecard } from '../src/renewal/scorecard.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

/**
 * One cold load in a process of its own (`tsx bench/cold-load.ts WHAT DB`): a fresh store
 * and fresh process state (no parsed contract, no result kept from another load), timed
 * from the call to its answer; prints {seconds, cpuSeconds, values} as JSON. WHAT is scorecard,
 * overview or settlement (engine-q3: the engine's outcome values of 2026-Q3), or floor-term / floor-q3: the floor, the same outcomes' values
 * and base units by one hand-written DuckDB statement per period; warm: what an import
 * does after it (the contracts' pages measured into the persisted measurements, as of the
 * bench's instant); clear: the persisted measurements deleted (an unwarmed store).
 */
export const CONTRACT = 'northwind-brightpath-2026';
const AS_OF = '2027-01-02T00:00:00Z';
const PERIODS: Record<string, [string, string][]> = {
  'floor-term': [
    ['2026-01-01', '2026-12-31'],
    ['2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026-09-30'],
    ['2026-10-01', '2026-12-31'],
  ],
  'floor-q3': [['2026-07-01', '2026-09-30']],
};

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Every outcome of the contract (k and n of each share) and the base units over [start, end), in one statement. */
export function floorStatement(contract: Contract, start: string, end: string): string {
  const columns = [
    `count(*) FILTER (WHERE workflow IN (${list(contract.workflows)}) AND NOT abandoned AND path IN ('human', 'bot_to_human')) AS base_units`,
  ];
  const ctes: string[] = [];
  for (const p of contract.portfolios) {
    const wf = `workflow IN (${list(p.workflows)})`;
    for (const o of p.outcomes) {
      const name = `${p.id}_${o.metric}`.replace(/-/g, '_');
      const share = (k: string, n: string) =>
        columns.push(
          `count(*) FILTER (WHERE ${n} AND ${k}) AS ${name}_k`,
          `count(*) FILTER (WHERE ${n}) AS ${name}_n`,
        );
      switch (o.metric) {
        case 'csat':
          share('csat >= 4', `${wf} AND NOT abandoned AND csat IS NOT NULL`);
          break;
        case 'error_rate':
          share('error', `${wf} AND NOT abandoned`);
          break;
        case 'resolution_rate':
          share('resolved', `${wf} AND NOT abandoned`);
          break;
        case 'fcr': {
          // The gaps to the customer's previous and next contact kept by the import (migration 5).
          const w = 7 * 86400;
          share(
            `(next_gap_seconds IS NULL OR next_gap_seconds > ${w}) AND NOT abandoned AND resolved`,
            `${wf} AND (prev_gap_seconds IS NULL OR prev_gap_seconds > ${w})`,
          );
          break;
        }
        case 'retention_90d':
          ctes.push(`${name} AS (SELECT count(k.customer_id) FILTER (WHERE k.churned_at IS NULL
              OR k.churned_at > CAST(timezone('${contract.timezone}', f.first_at) AS DATE) + 90) AS k, count(k.customer_id) AS n
            FROM (SELECT customer_id, min(started_at) AS first_at FROM c WHERE ${wf} AND NOT abandoned
              AND customer_id IS NOT NULL GROUP BY customer_id) f
            LEFT JOIN customers k ON k.tenant = 'default' AND k.customer_id = f.customer_id)`);
          columns.push(`(SELECT k FROM ${name}) AS ${name}_k`, `(SELECT n FROM ${name}) AS ${name}_n`);
          break;
        default:
          throw new Error(`no floor for ${o.metric}`);
      }
    }
  }
  return `WITH c AS (SELECT * FROM interactions WHERE tenant = 'default' AND vendor = '${contract.vendor}'
      AND started_at >= TIMESTAMPTZ '${start}' AND started_at < TIMESTAMPTZ '${end}')${ctes.map((t) => `, ${t}`).join('')}
    SELECT ${columns.join(',\n      ')} FROM c`;
}

async function main(what: string, dbFile: string): Promise<void> {
  const store = await DuckDbStore.open(dbFile);
  const q3 = parseWindow('2026-Q3', 'Europe/Lisbon', 'period');
  const started = performance.now();
  const cpu = process.cpuUsage();
  let values: Record<string, unknown> = {};
  if (what === 'scorecard') {
    const card = await buildScorecard(store, 'default', CONTRACT, { asOf: '2027-01-01' });
    values = Object.fromEntries(card.outcomes.map((o) => [o.key, o.term.value]));
  } else if (what === 'overview') {
    const version = await getVersion(store, 'default', CONTRACT);
    const view = await contractOverview(store, 'default', version, q3, AS_OF);
    values = Object.fromEntries(view.outcomes.map((o) => [`${o.portfolio}/${o.metric}`, o.result.value]));
  } else if (what === 'settlement') {
    const settled = await computeSettlement(store, 'default', CONTRACT, q3, AS_OF);
    values = { total: settled.invoice.total };
  } else if (what in PERIODS) {
    const { contract } = await getVersion(store, 'default', CONTRACT);
    const floorStarted = performance.now();
    const floorCpu = process.cpuUsage();
    for (const [from, to] of PERIODS[what] ?? []) {
      const { start, end } = periodBounds({ startDate: from, endDate: to }, contract.timezone);
      const [row] = await store.query<Record<string, number>>(raw(floorStatement(contract, start, end)));
      values[`${from}..${to}`] = row;
    }
    const seconds = (performance.now() - floorStarted) / 1000;
    process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: cpuSince(floorCpu), values })}\n`);
    await store.close();
    return;
  } else if (what === 'warm') {
    // What an import of this data does after it, as of the bench's instant (contracts/warm-measurements.ts).
    values = { ...(await warmMeasurements(store, 'default', { asOf: AS_OF })) };
  } else if (what === 'clear') {
    // Unwarmed: no persisted measurement, so the next load computes (and stores) every one.
    await store.run(raw('DELETE FROM measurement_cache'));
  } else if (what === 'engine-q3') {
    // The engine's values of the floor's period, for the bench to check the floor against.
    const { contract } = await getVersion(store, 'default', CONTRACT);
    const measured = await measureOutcomes(store, 'default', contract, q3, AS_OF);
    values = Object.fromEntries(
      measured.map((m) => [`${m.portfolio}/${m.metric}`, { value: m.result.value, n: m.result.n }]),
    );
  } else throw new Error(`unknown cold load ${what}`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: cpuSince(cpu), values })}\n`);
  await store.close();
}

/** CPU seconds of the whole process since `from` (JavaScript and DuckDB's threads): steadier than wall time on a shared machine. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

if (process.argv[1]?.endsWith('cold-load.ts')) await main(process.argv[2] ?? '', process.argv[3] ?? '');
