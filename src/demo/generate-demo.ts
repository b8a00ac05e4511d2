/**
 * The demo story (shared/spec/demo-scenario.md) as one canonical CSV file per dataset,
 * deterministic per seed. `scale` 1 is about 1M interactions over 2025-10-01..2026-12-31
 * and 400k customers; it may be fractional (tests use 0.02) or large (benchmarks).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Calendar } from './calendar.js';
import { planCoaching } from './coaching.js';
import { DEMO_COLUMNS, DEMO_DATASETS, type DemoDataset } from './columns.js';
import { ContactMaker } from './contact.js';
import { CsvWriter } from './csv-writer.js';
import { Customers } from './customers.js';
import { writeVacancies } from './hr.js';
import { generateInteractions } from './interactions.js';
import { Rng } from './prng.js';
import { QaReviews } from './qa.js';
import { Roster } from './roster.js';
import { AccessLog, writeIncidents } from './security.js';
import { Shifts } from './shifts.js';
import { generateWorkforce } from './workforce.js';

export interface DemoOptions {
  scale: number;
  seed: number;
  outDir: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoFile {
  dataset: DemoDataset;
  file: string;
  rows: number;
}

export async function generateDemo(opts: DemoOptions): Promise<DemoFile[]> {
  const { scale, seed, outDir } = opts;
  if (!(Number.isFinite(scale) && scale > 0))
    throw new RangeError(`scale must be a positive number, got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  await mkdir(outDir, { recursive: true });
  const w = Object.fromEntries(
    DEMO_DATASETS.map((d) => [d, new CsvWriter(join(outDir, `${d}.csv`), DEMO_COLUMNS[d])]),
  ) as Record<DemoDataset, CsvWriter>;
  try {
    const cal = new Calendar(scale, seed);
    const roster = new Roster(cal, seed);
    const shifts = new Shifts(cal, seed);
    const agents = roster.staff.filter((a) => a.role === 'agent').length;
    const total = cal.days + agents + 2;
    let done = 0;
    const tick = () => opts.onProgress?.(++done, total);

    roster.writeSites(w.sites);
    roster.writeAgents(w.agents);
    const customers = new Customers(scale, cal, seed);
    const qa = new QaReviews(w.qa_reviews, roster, cal, seed);
    const rng = new Rng(seed, 202);
    const maker = new ContactMaker(w.interactions, qa, rng, cal);
    await generateInteractions({
      cal,
      roster,
      shifts,
      customers,
      maker,
      rng,
      beforeDay: (day) => qa.startDay(day),
      afterDay: async () => {
        await w.interactions.maybeFlush();
        await w.qa_reviews.maybeFlush();
        tick();
      },
    });
    // Churn is decided by the contacts, so customers are written after them.
    await customers.write(w.customers);
    tick();

    const access = new AccessLog(w.access_events, cal, seed);
    await generateWorkforce({
      cal,
      roster,
      shifts,
      plan: planCoaching(roster, shifts, cal, seed),
      access,
      schedules: w.schedules,
      states: w.agent_states,
      sessions: w.coaching_sessions,
      seed,
      afterAgent: async () => {
        await w.schedules.maybeFlush();
        await w.agent_states.maybeFlush();
        await w.access_events.maybeFlush();
        tick();
      },
    });
    access.staffLogins(roster);
    writeVacancies(w.vacancies, roster.vacancies);
    writeIncidents(w.incidents, cal, seed);
    for (const d of DEMO_DATASETS) await w[d].close();
    tick();
  } catch (e) {
    for (const d of DEMO_DATASETS) w[d].abort();
    throw e;
  }
  return DEMO_DATASETS.map((d) => ({ dataset: d, file: w[d].file, rows: w[d].rows }));
}
