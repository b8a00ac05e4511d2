/**
 * Every generated row satisfies data-formats.md, since the importer rejects bad rows:
 * headers, value formats, unique ids, intervals that never overlap, and references.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFile, generateDemo } from './generate-demo.js';
import { DEMO_TYPES, DemoDb } from './test-support/demo-db.js';

/** The columns of shared/spec/data-formats.md, copied here so the test checks the generator against the spec. */
const SPEC: Record<string, string[]> = {
  sites: ['site', 'vendor', 'timezone', 'country'],
  agents: [
    'agent_id',
    'vendor',
    'site',
    'timezone',
    'role',
    'team_lead_id',
    'critical_role',
    'hired_at',
    'left_at',
  ],
  customers: ['customer_id', 'since', 'churned_at', 'segment', 'monthly_value'],
  interactions: [
    'interaction_id',
    'started_at',
    'closed_at',
    'channel',
    'workflow',
    'vendor',
    'site',
    'language',
    'agent_id',
    'customer_id',
    'path',
    'queue_seconds',
    'handle_seconds',
    'abandoned',
    'resolved',
    'csat',
    'error',
    'offer',
    'revenue',
  ],
  qa_reviews: ['review_id', 'interaction_id', 'reviewer_id', 'reviewed_at', 'score', 'calibration'],
  schedules: ['agent_id', 'activity', 'start', 'end'],
  agent_states: ['agent_id', 'state', 'start', 'end'],
  coaching_sessions: ['session_id', 'agent_id', 'coach_id', 'held_at', 'mode', 'minutes'],
  vacancies: ['vacancy_id', 'vendor', 'site', 'role', 'critical_role', 'opened_at', 'filled_at'],
  incidents: [
    'incident_id',
    'vendor',
    'site',
    'category',
    'severity',
    'opened_at',
    'acknowledged_at',
    'resolved_at',
  ],
  access_events: ['event_id', 'agent_id', 'at', 'country', 'mfa', 'device_compliant', 'network'],
};
const FORMAT: Record<string, string> = {
  TIMESTAMPTZ: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$',
  DATE: '^\\d{4}-\\d{2}-\\d{2}$',
  BOOLEAN: '^(true|false)$',
  'DECIMAL(18,2)': '^-?\\d+\\.\\d{2}$',
  INTEGER: '^[1-5]$',
};
const ENUMS: [string, string, string[]][] = [
  ['interactions', 'channel', ['voice', 'chat', 'email', 'messaging']],
  ['interactions', 'path', ['bot', 'human', 'bot_to_human']],
  ['interactions', 'offer', ['none', 'declined', 'accepted']],
  ['agents', 'role', ['agent', 'team_lead', 'qa', 'trainer', 'manager']],
  ['vacancies', 'role', ['agent', 'team_lead', 'qa', 'trainer', 'manager']],
  ['schedules', 'activity', ['work', 'break', 'training', 'coaching', 'meeting']],
  [
    'agent_states',
    'state',
    ['available', 'on_contact', 'after_contact_work', 'break', 'training', 'coaching', 'meeting', 'offline'],
  ],
  ['coaching_sessions', 'mode', ['video', 'in_person', 'async']],
  ['incidents', 'category', ['security', 'outage', 'data', 'access', 'other']],
  ['incidents', 'severity', ['sev1', 'sev2', 'sev3', 'sev4']],
  ['access_events', 'network', ['corporate', 'vpn', 'public']],
];

let dir: string;
let db: DemoDb;
let files: DemoFile[];
const progress: [number, number][] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-format-'));
  files = await generateDemo({
    scale: 0.02,
    seed: 5,
    outDir: dir,
    onProgress: (d, t) => progress.push([d, t]),
  });
  db = await DemoDb.open(dir, true);
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

const zero = async (label: string, sql: string) => expect(await db.num(sql), label).toBe(0);

describe('demo files', () => {
  it('lists the datasets in import order with their row counts, and reports progress', async () => {
    expect(files.map((f) => f.dataset)).toEqual(Object.keys(SPEC));
    for (const f of files) {
      const text = await readFile(f.file, 'utf8');
      expect(f.file).toBe(join(dir, `${f.dataset}.csv`));
      expect(text.endsWith('\n')).toBe(true);
      expect(text.split('\n').length - 2, f.dataset).toBe(f.rows);
      expect(f.rows).toBeGreaterThan(0);
    }
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(progress.every(([d], i) => d === i + 1)).toBe(true);
  });

  it('has exactly the spec columns as header', async () => {
    for (const f of files) {
      const header = (await readFile(f.file, 'utf8')).slice(0, 500).split('\n')[0];
      expect(header, f.dataset).toBe(SPEC[f.dataset]!.join(','));
    }
  });

  it('writes timestamps in UTC with Z, dates, booleans, money and csat as the spec says', async () => {
    for (const [name, cols] of Object.entries(DEMO_TYPES)) {
      for (const [col, type] of Object.entries(cols)) {
        const re = FORMAT[type];
        if (re)
          await zero(
            `${name}.${col}`,
            `SELECT count(*) FROM raw_${name} WHERE "${col}" IS NOT NULL AND NOT regexp_matches("${col}", '${re}')`,
          );
      }
    }
    await zero(
      'language',
      `SELECT count(*) FROM interactions WHERE NOT regexp_full_match(language, '[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*')`,
    );
    await zero(
      'country',
      `SELECT count(*) FROM access_events WHERE NOT regexp_full_match(country, '[A-Z]{2}')`,
    );
    for (const [table, col, values] of ENUMS) {
      await zero(
        `${table}.${col}`,
        `SELECT count(*) FROM ${table} WHERE "${col}" NOT IN (${values.map((v) => `'${v}'`).join(', ')})`,
      );
    }
  });

  it('has unique ids in every dataset', async () => {
    const keys: [string, string][] = [
      ['sites', 'site'],
      ['agents', 'agent_id'],
      ['customers', 'customer_id'],
      ['interactions', 'interaction_id'],
      ['qa_reviews', 'review_id'],
      ['schedules', 'agent_id, start'],
      ['agent_states', 'agent_id, start'],
      ['coaching_sessions', 'session_id'],
      ['vacancies', 'vacancy_id'],
      ['incidents', 'incident_id'],
      ['access_events', 'event_id'],
    ];
    for (const [table, key] of keys) {
      await zero(
        `${table} ${key}`,
        `SELECT count(*) FROM (SELECT ${key} FROM ${table} GROUP BY ALL HAVING count(*) > 1)`,
      );
    }
  });

  it('never overlaps the intervals of one agent, and every interval ends after it starts', async () => {
    for (const table of ['schedules', 'agent_states']) {
      await zero(`${table} end`, `SELECT count(*) FROM ${table} WHERE "end" <= start`);
      await zero(
        `${table} overlap`,
        `SELECT count(*) FROM (SELECT start, lag("end") OVER (PARTITION BY agent_id ORDER BY start) AS prev
        FROM ${table}) WHERE start < prev`,
      );
    }
  });

  it('orders dates and times within rows', async () => {
    await zero('closed', `SELECT count(*) FROM interactions WHERE closed_at < started_at`);
    await zero('left', `SELECT count(*) FROM agents WHERE left_at < hired_at`);
    await zero('filled', `SELECT count(*) FROM vacancies WHERE filled_at < opened_at`);
    await zero('churned', `SELECT count(*) FROM customers WHERE churned_at < since`);
    await zero(
      'incident',
      `SELECT count(*) FROM incidents WHERE acknowledged_at < opened_at OR resolved_at < opened_at`,
    );
    await zero(
      'numbers',
      `SELECT count(*) FROM interactions WHERE queue_seconds < 0 OR handle_seconds < 0 OR revenue < 0`,
    );
    await zero('score', `SELECT count(*) FROM qa_reviews WHERE score < 0 OR score > 100`);
  });

  it('fills the interaction columns consistently with path, channel and abandonment', async () => {
    await zero(
      'queue blank for email',
      `SELECT count(*) FROM interactions WHERE channel = 'email' AND (queue_seconds IS NOT NULL OR abandoned)`,
    );
    await zero(
      'queued channels wait',
      `SELECT count(*) FROM interactions WHERE channel <> 'email' AND path <> 'bot' AND queue_seconds IS NULL`,
    );
    await zero(
      'abandoned',
      `SELECT count(*) FROM interactions WHERE abandoned AND (handle_seconds IS NOT NULL OR agent_id IS NOT NULL
      OR resolved OR csat IS NOT NULL)`,
    );
    await zero(
      'handled by a person',
      `SELECT count(*) FROM interactions WHERE path <> 'bot' AND NOT abandoned
      AND (handle_seconds IS NULL OR agent_id IS NULL)`,
    );
    await zero('offers', `SELECT count(*) FROM interactions WHERE (offer = 'accepted') <> (revenue > 0)`);
  });

  it('refers only to existing sites, agents, customers and contacts', async () => {
    await zero(
      'site',
      `SELECT count(*) FROM interactions i ANTI JOIN sites s ON s.site = i.site AND s.vendor = i.vendor`,
    );
    await zero(
      'customer',
      `SELECT count(*) FROM interactions i ANTI JOIN customers c USING (customer_id) WHERE i.customer_id IS NOT NULL`,
    );
    await zero(
      'agent at site while employed',
      `SELECT count(*) FROM interactions i JOIN sites s USING (site) ANTI JOIN agents a
      ON a.agent_id = i.agent_id AND a.site = i.site AND a.role = 'agent'
      AND CAST(timezone(s.timezone, i.started_at) AS DATE) BETWEEN a.hired_at AND coalesce(a.left_at, DATE '2100-01-01')
      WHERE i.agent_id IS NOT NULL`,
    );
    await zero(
      'reviewed contact',
      `SELECT count(*) FROM qa_reviews ANTI JOIN interactions USING (interaction_id)`,
    );
    await zero(
      'reviewer',
      `SELECT count(*) FROM qa_reviews q ANTI JOIN agents a ON a.agent_id = q.reviewer_id AND a.role = 'qa'`,
    );
    await zero(
      'coach',
      `SELECT count(*) FROM coaching_sessions c ANTI JOIN agents a ON a.agent_id = c.coach_id`,
    );
    for (const t of ['schedules', 'agent_states', 'coaching_sessions', 'access_events']) {
      await zero(t, `SELECT count(*) FROM ${t} x ANTI JOIN agents a USING (agent_id)`);
    }
  });
});
