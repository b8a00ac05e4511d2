/**
 * Test support: the generated CSV files as typed DuckDB tables, and the metrics of
 * shared/spec/metrics.md written as plain SQL over them, so the tests check the story
 * from the data rather than from the generator's parameters.
 */
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Column types of each dataset, as the tests read them. */
export const DEMO_TYPES: Record<string, Record<string, string>> = {
  sites: { site: 'VARCHAR', vendor: 'VARCHAR', timezone: 'VARCHAR', country: 'VARCHAR' },
  agents: {
    agent_id: 'VARCHAR',
    vendor: 'VARCHAR',
    site: 'VARCHAR',
    timezone: 'VARCHAR',
    role: 'VARCHAR',
    team_lead_id: 'VARCHAR',
    critical_role: 'BOOLEAN',
    hired_at: 'DATE',
    left_at: 'DATE',
  },
  customers: {
    customer_id: 'VARCHAR',
    since: 'DATE',
    churned_at: 'DATE',
    segment: 'VARCHAR',
    monthly_value: 'DECIMAL(18,2)',
  },
  interactions: {
    interaction_id: 'VARCHAR',
    started_at: 'TIMESTAMPTZ',
    closed_at: 'TIMESTAMPTZ',
    channel: 'VARCHAR',
    workflow: 'VARCHAR',
    vendor: 'VARCHAR',
    site: 'VARCHAR',
    language: 'VARCHAR',
    agent_id: 'VARCHAR',
    customer_id: 'VARCHAR',
    path: 'VARCHAR',
    queue_seconds: 'DOUBLE',
    handle_seconds: 'DOUBLE',
    abandoned: 'BOOLEAN',
    resolved: 'BOOLEAN',
    csat: 'INTEGER',
    error: 'BOOLEAN',
    offer: 'VARCHAR',
    revenue: 'DECIMAL(18,2)',
  },
  qa_reviews: {
    review_id: 'VARCHAR',
    interaction_id: 'VARCHAR',
    reviewer_id: 'VARCHAR',
    reviewed_at: 'TIMESTAMPTZ',
    score: 'DOUBLE',
    calibration: 'BOOLEAN',
  },
  schedules: { agent_id: 'VARCHAR', activity: 'VARCHAR', start: 'TIMESTAMPTZ', end: 'TIMESTAMPTZ' },
  agent_states: { agent_id: 'VARCHAR', state: 'VARCHAR', start: 'TIMESTAMPTZ', end: 'TIMESTAMPTZ' },
  coaching_sessions: {
    session_id: 'VARCHAR',
    agent_id: 'VARCHAR',
    coach_id: 'VARCHAR',
    held_at: 'TIMESTAMPTZ',
    mode: 'VARCHAR',
    minutes: 'DOUBLE',
  },
  vacancies: {
    vacancy_id: 'VARCHAR',
    vendor: 'VARCHAR',
    site: 'VARCHAR',
    role: 'VARCHAR',
    critical_role: 'BOOLEAN',
    opened_at: 'DATE',
    filled_at: 'DATE',
  },
  incidents: {
    incident_id: 'VARCHAR',
    vendor: 'VARCHAR',
    site: 'VARCHAR',
    category: 'VARCHAR',
    severity: 'VARCHAR',
    opened_at: 'TIMESTAMPTZ',
    acknowledged_at: 'TIMESTAMPTZ',
    resolved_at: 'TIMESTAMPTZ',
  },
  access_events: {
    event_id: 'VARCHAR',
    agent_id: 'VARCHAR',
    at: 'TIMESTAMPTZ',
    country: 'VARCHAR',
    mfa: 'BOOLEAN',
    device_compliant: 'BOOLEAN',
    network: 'VARCHAR',
  },
};

export type Row = Record<string, string | number | boolean | null>;

export class DemoDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection,
  ) {}

  /**
   * Loads every dataset of `dir` with explicit types (a bad value fails the load); with
   * `raw`, also as text (`raw_<dataset>`) to check how values are written.
   */
  static async open(dir: string, raw = false): Promise<DemoDb> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const con = await instance.connect();
    const db = new DemoDb(instance, con);
    await db.run(`SET TimeZone = 'UTC'`);
    for (const [name, cols] of Object.entries(DEMO_TYPES)) {
      const spec = Object.entries(cols)
        .map(([c, t]) => `'${c}': '${t}'`)
        .join(', ');
      await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${join(dir, `${name}.csv`)}', header = true,
        auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${spec}})`);
      if (raw) {
        const text = Object.keys(cols)
          .map((c) => `'${c}': 'VARCHAR'`)
          .join(', ');
        await db.run(`CREATE TABLE raw_${name} AS SELECT * FROM read_csv('${join(dir, `${name}.csv`)}', header = true,
          auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${text}})`);
      }
    }
    // Contract periods are Europe/Lisbon: local date and quarter of an instant.
    await db.run(`CREATE MACRO ldate(ts) AS CAST(timezone('Europe/Lisbon', ts) AS DATE)`);
    await db.run(
      `CREATE MACRO lq(ts) AS strftime(timezone('Europe/Lisbon', ts), '%Y') || '-Q' || quarter(timezone('Europe/Lisbon', ts))`,
    );
    return db;
  }

  async run(sql: string): Promise<void> {
    await this.con.run(sql);
  }

  async rows(sql: string): Promise<Row[]> {
    const reader = await this.con.runAndReadAll(sql);
    return reader
      .getRowObjectsJson()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : (v as Row[string]),
          ]),
        ),
      );
  }

  /** The first column of the first row as a number. */
  async num(sql: string): Promise<number> {
    const r = (await this.rows(sql))[0];
    const v = r ? Object.values(r)[0] : null;
    return v === null || v === undefined ? Number.NaN : Number(v);
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** metrics.md containment: path = bot and resolved / contacts, by vendor and Lisbon quarter. */
export const containmentSql = (workflows: readonly string[]) => `
  SELECT vendor, lq(started_at) AS q, avg(CASE WHEN path = 'bot' AND resolved THEN 1 ELSE 0 END) AS v, count(*) AS n
  FROM interactions WHERE workflow IN (${list(workflows)}) GROUP BY ALL`;

/** metrics.md csat: top-2-box of surveyed handled contacts. */
export const csatSql = (workflows: readonly string[]) => `
  SELECT vendor, lq(started_at) AS q, avg(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) AS v, count(*) AS n
  FROM interactions WHERE workflow IN (${list(workflows)}) AND csat IS NOT NULL AND NOT abandoned GROUP BY ALL`;

export const errorRateSql = (workflows: readonly string[]) => `
  SELECT vendor, lq(started_at) AS q, avg(CASE WHEN error THEN 1 ELSE 0 END) AS v, count(*) AS n
  FROM interactions WHERE workflow IN (${list(workflows)}) AND NOT abandoned GROUP BY ALL`;

/** metrics.md fcr: episodes (7-day runs per customer and workflow) of one handled, resolved contact. */
export const fcrSql = (workflows: readonly string[]) => `
  WITH c AS (
    SELECT *, coalesce(customer_id, interaction_id) AS who,
      CASE WHEN started_at - lag(started_at) OVER w <= INTERVAL 7 DAY THEN 0 ELSE 1 END AS starts
    FROM interactions WINDOW w AS (PARTITION BY coalesce(customer_id, interaction_id), workflow ORDER BY started_at, interaction_id)),
  e AS (SELECT *, sum(starts) OVER (PARTITION BY who, workflow ORDER BY started_at, interaction_id ROWS UNBOUNDED PRECEDING) AS ep FROM c),
  ep AS (SELECT who, workflow, ep, count(*) AS n, arg_min(vendor, started_at) AS vendor, min(started_at) AS first,
    bool_and(NOT abandoned AND resolved) AS ok FROM e GROUP BY ALL)
  SELECT vendor, lq(first) AS q, avg(CASE WHEN n = 1 AND ok THEN 1 ELSE 0 END) AS v, count(*) AS n
  FROM ep WHERE workflow IN (${list(workflows)}) GROUP BY ALL`;

/** metrics.md retention_90d of customers with a handled contact on the workflows, by vendor and quarter. */
export const retentionSql = (workflows: readonly string[], period = 'lq(started_at)') => `
  WITH f AS (SELECT vendor, ${period} AS q, customer_id, min(ldate(started_at)) AS first FROM interactions
    WHERE workflow IN (${list(workflows)}) AND NOT abandoned AND customer_id IS NOT NULL GROUP BY ALL)
  SELECT f.vendor, f.q, avg(CASE WHEN c.churned_at IS NULL OR c.churned_at > f.first + 90 THEN 1 ELSE 0 END) AS v, count(*) AS n
  FROM f JOIN customers c USING (customer_id) GROUP BY ALL`;

/** metrics.md coaching_coverage over one period: 14-day windows from its start, agents employed all window. */
export const coverageSql = (vendor: string, from: string, to: string, mode = 'video') => `
  WITH w AS (SELECT DATE '${from}' + CAST(14 * k AS INTEGER) AS ws, DATE '${from}' + CAST(14 * k + 14 AS INTEGER) AS we
    FROM range(0, 40) t(k) WHERE DATE '${from}' + CAST(14 * k + 14 AS INTEGER) <= DATE '${to}' + 1),
  aw AS (SELECT a.agent_id, w.ws, w.we FROM agents a, w WHERE a.vendor = '${vendor}' AND a.role = 'agent'
    AND a.hired_at <= w.ws AND (a.left_at IS NULL OR a.left_at >= w.we - 1))
  SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM coaching_sessions s WHERE s.agent_id = aw.agent_id AND s.mode = '${mode}'
    AND ldate(s.held_at) >= aw.ws AND ldate(s.held_at) < aw.we) THEN 1 ELSE 0 END) AS v, count(*) AS n FROM aw`;

/** metrics.md qa_alpha: interval Krippendorff alpha of calibration reviews, latest score per reviewer and unit. */
export const alphaSql = (where: string) => `
  WITH r AS (SELECT q.interaction_id AS u, q.reviewer_id, arg_max(q.score, q.reviewed_at) AS v
    FROM qa_reviews q JOIN interactions i USING (interaction_id) WHERE q.calibration AND ${where} GROUP BY ALL),
  units AS (SELECT u, count(*) AS m, var_pop(v) * count(*) AS ss FROM r GROUP BY u HAVING count(*) >= 2),
  pv AS (SELECT r.v FROM r JOIN units USING (u))
  SELECT 1 - ((SELECT sum(2 * m * ss / (m - 1)) FROM units) / (SELECT count(*) FROM pv))
    / (2 * (SELECT var_pop(v) * count(*) FROM pv) / ((SELECT count(*) FROM pv) - 1)) AS v,
    (SELECT count(*) FROM units) AS n`;

/** metrics.md adherence: minutes where the state matches the scheduled activity / scheduled minutes. */
export const adherenceSql = (from: string, to: string) => `
  WITH s AS (SELECT s.*, a.vendor FROM schedules s JOIN agents a USING (agent_id)
    WHERE s.start >= TIMESTAMPTZ '${from}' AND s.start < TIMESTAMPTZ '${to}'),
  m AS (SELECT s.vendor, sum(epoch(least(s."end", t."end")) - epoch(greatest(s.start, t.start))) AS ok
    FROM s JOIN agent_states t ON t.agent_id = s.agent_id AND t.start < s."end" AND t."end" > s.start
    AND (s.activity = t.state OR (s.activity = 'work' AND t.state IN ('available', 'on_contact', 'after_contact_work')))
    GROUP BY ALL),
  d AS (SELECT vendor, sum(epoch("end") - epoch(start)) AS total FROM s GROUP BY ALL)
  SELECT d.vendor, coalesce(m.ok, 0) / d.total AS v FROM d LEFT JOIN m USING (vendor)`;
