/**
 * The five story events of demo-scenario.md, measured from the generated files with the
 * metric definitions of metrics.md (SQL in test-support/demo-db.ts), at a small scale.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMidnight, tsText } from './clock.js';
import { generateDemo } from './generate-demo.js';
import { STORY } from './story.js';
import {
  alphaSql,
  containmentSql,
  coverageSql,
  csatSql,
  DemoDb,
  errorRateSql,
  fcrSql,
  type Row,
  retentionSql,
} from './test-support/demo-db.js';

const CARD = ['card_dispute', 'chargeback'];
const ONBOARDING = ['account_onboarding', 'kyc_review'];
const SIMPLE = ['password_reset', 'general_inquiry'];
const SCOPE = [...CARD, ...ONBOARDING, ...SIMPLE];

let dir: string;
let db: DemoDb;

/** Value of a (vendor, q) metric row. */
const at = (rows: Row[], vendor: string, q: string): number => {
  const r = rows.find((x) => x.vendor === vendor && x.q === q);
  if (!r) throw new Error(`no value for ${vendor} ${q}`);
  return Number(r.v);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-story-'));
  await generateDemo({ scale: 0.03, seed: 1, outDir: dir });
  db = await DemoDb.open(dir);
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('1. chatbot launch on 1 July', () => {
  const launch = tsText(localMidnight(STORY.chatbot.launchZone, STORY.chatbot.launch));

  it('contains no simple request before the launch and about 30% after', async () => {
    const rows = await db.rows(`SELECT started_at >= TIMESTAMPTZ '${launch}' AS after,
      avg(CASE WHEN path = 'bot' AND resolved THEN 1 ELSE 0 END) AS v, count(*) FILTER (WHERE path <> 'human') AS automated
      FROM interactions WHERE workflow IN ('password_reset', 'general_inquiry') GROUP BY ALL`);
    const before = rows.find((r) => r.after === false)!;
    const after = rows.find((r) => r.after === true)!;
    expect(before.automated).toBe(0);
    expect(Number(after.v)).toBeGreaterThan(0.25);
    expect(Number(after.v)).toBeLessThan(0.36);
    expect(await db.num(`SELECT count(*) FROM interactions WHERE path = 'bot_to_human'`)).toBeGreaterThan(
      100,
    );
  });

  it('moves containment on each contract scope by more than 10 points from Q1 to Q3', async () => {
    const rows = await db.rows(containmentSql(SCOPE));
    for (const vendor of ['brightpath', 'coastline']) {
      expect(at(rows, vendor, '2026-Q3') - at(rows, vendor, '2026-Q1')).toBeGreaterThan(0.1);
    }
  });

  it('writes bot-only contacts without agent, queue or handle time, on the queue they were routed to', async () => {
    const bad = await db.num(`SELECT count(*) FROM interactions WHERE path = 'bot'
      AND (agent_id IS NOT NULL OR queue_seconds IS NOT NULL OR handle_seconds IS NOT NULL OR abandoned OR vendor IS NULL OR site IS NULL)`);
    expect(bad).toBe(0);
  });

  it('leaves humans the harder simple requests: their handle time rises about 20%', async () => {
    const ratio =
      await db.num(`SELECT avg(handle_seconds) FILTER (WHERE started_at >= TIMESTAMPTZ '${launch}')
      / avg(handle_seconds) FILTER (WHERE started_at < TIMESTAMPTZ '${launch}') FROM interactions
      WHERE workflow IN ('password_reset', 'general_inquiry') AND path <> 'bot' AND NOT abandoned`);
    expect(ratio).toBeGreaterThan(1.12);
    expect(ratio).toBeLessThan(1.35);
  });
});

describe('2. BrightPath invests in coaching from April', () => {
  it('lifts video coaching coverage from about 60% to about 97%', async () => {
    const q1 = await db.rows(coverageSql('brightpath', '2026-01-01', '2026-03-31'));
    const q3 = await db.rows(coverageSql('brightpath', '2026-07-01', '2026-09-30'));
    expect(Number(q1[0]!.v)).toBeGreaterThan(0.45);
    expect(Number(q1[0]!.v)).toBeLessThan(0.75);
    expect(Number(q3[0]!.v)).toBeGreaterThan(0.9);
  });

  it('climbs card-dispute CSAT (top-2-box) from about 0.79 to about 0.86', async () => {
    const rows = await db.rows(csatSql(CARD));
    expect(at(rows, 'brightpath', '2026-Q1')).toBeGreaterThan(0.74);
    expect(at(rows, 'brightpath', '2026-Q1')).toBeLessThan(0.84);
    expect(at(rows, 'brightpath', '2026-Q4') - at(rows, 'brightpath', '2026-Q1')).toBeGreaterThanOrEqual(
      0.05,
    );
  });

  it('improves FCR and the error rate with it', async () => {
    const fcr = await db.rows(fcrSql(CARD));
    expect(at(fcr, 'brightpath', '2026-Q4') - at(fcr, 'brightpath', '2026-Q1')).toBeGreaterThan(0.02);
    const err = await db.rows(errorRateSql(CARD));
    expect(at(err, 'brightpath', '2026-Q4')).toBeLessThan(at(err, 'brightpath', '2026-Q1'));
  });
});

describe('3. Coastline lets remote management slide', () => {
  it('loses Cape Town agents in Q2 2026, backfilled by new hires', async () => {
    const rows = await db.rows(`SELECT lq(left_at::TIMESTAMPTZ) AS q, count(*) AS n FROM agents
      WHERE site = 'capetown' AND role = 'agent' AND left_at IS NOT NULL GROUP BY ALL`);
    const n = (q: string) => Number(rows.find((r) => r.q === q)?.n ?? 0);
    const others = ['2025-Q4', '2026-Q1', '2026-Q3', '2026-Q4'].map(n);
    expect(n('2026-Q2')).toBeGreaterThanOrEqual(3);
    expect(n('2026-Q2')).toBeGreaterThan(n('2026-Q1'));
    expect(n('2026-Q2')).toBeGreaterThanOrEqual((2 * others.reduce((a, b) => a + b, 0)) / others.length);
    const hires = await db.num(`SELECT count(*) FROM agents WHERE site = 'capetown' AND role = 'agent'
      AND hired_at BETWEEN DATE '2026-04-01' AND DATE '2026-09-30'`);
    expect(hires).toBeGreaterThanOrEqual(3);
  });

  it('keeps critical team-lead vacancies open ~45 days where BrightPath fills them within 25', async () => {
    const rows = await db.rows(`SELECT vendor, median(filled_at - opened_at) AS v FROM vacancies
      WHERE role = 'team_lead' AND critical_role AND year(filled_at) = 2026 GROUP BY ALL`);
    const v = (id: string) => Number(rows.find((r) => r.vendor === id)?.v);
    expect(v('coastline')).toBeGreaterThan(38);
    expect(v('coastline')).toBeLessThan(52);
    expect(v('brightpath')).toBeLessThan(25);
  });

  it('lets QA calibration alpha fall to about 0.6 across its sites, while BrightPath agrees closely', async () => {
    const alpha = async (where: string) => Number((await db.rows(alphaSql(where)))[0]!.v);
    const in2026 = `lq(i.started_at) LIKE '2026-%'`;
    expect(await alpha(`i.vendor = 'brightpath' AND ${in2026}`)).toBeGreaterThan(0.8);
    const coastline = await alpha(`i.vendor = 'coastline' AND ${in2026}`);
    expect(coastline).toBeGreaterThan(0.45);
    expect(coastline).toBeLessThan(0.72);
    for (const site of ['capetown', 'krakow'])
      expect(await alpha(`i.site = '${site}' AND ${in2026}`)).toBeLessThan(0.78);
    const per =
      await db.rows(`SELECT min(n) AS lo, max(n) AS hi FROM (SELECT interaction_id, count(DISTINCT reviewer_id) AS n
      FROM qa_reviews WHERE calibration GROUP BY ALL)`);
    expect(Number(per[0]!.lo)).toBeGreaterThanOrEqual(2);
    expect(Number(per[0]!.hi)).toBe(4);
  });

  it('lets errors rise and CSAT fall through 2026', async () => {
    const err = await db.rows(errorRateSql(CARD));
    expect(at(err, 'coastline', '2026-Q4')).toBeGreaterThan(at(err, 'coastline', '2025-Q4') + 0.005);
    const csat = await db.num(`SELECT avg(CASE WHEN lq(started_at) >= '2026-Q3' THEN (csat >= 4)::INT END)
      - avg(CASE WHEN lq(started_at) <= '2026-Q1' THEN (csat >= 4)::INT END) FROM interactions
      WHERE vendor = 'coastline' AND workflow IN ('card_dispute', 'chargeback') AND csat IS NOT NULL AND NOT abandoned`);
    expect(csat).toBeLessThan(-0.02);
  });

  it('has Q3 logins without MFA or from countries outside the contract', async () => {
    const rows = await db.rows(`SELECT a.vendor, avg((NOT e.mfa)::INT) AS nomfa,
      avg((NOT list_contains(CASE WHEN a.vendor = 'coastline' THEN ['ZA', 'PL'] ELSE ['PT', 'PH'] END, e.country))::INT) AS outside
      FROM access_events e JOIN agents a USING (agent_id) WHERE lq(e.at) = '2026-Q3' GROUP BY ALL`);
    const r = (v: string) => rows.find((x) => x.vendor === v)!;
    expect(Number(r('coastline').nomfa)).toBeGreaterThan(0.04);
    expect(Number(r('coastline').nomfa)).toBeGreaterThan(5 * Number(r('brightpath').nomfa));
    expect(Number(r('coastline').outside)).toBeGreaterThan(0.01);
    expect(Number(r('brightpath').outside)).toBeLessThan(0.005);
  });
});

describe('4. typhoon day at Manila', () => {
  const day = STORY.typhoon.date;
  const local = (zone: string) => `CAST(timezone('${zone}', started_at) AS DATE)`;

  it('has no Manila contacts that day, but on the weeks around it', async () => {
    const rows =
      await db.rows(`SELECT ${local('Asia/Manila')} AS d, count(*) AS n FROM interactions WHERE site = 'manila'
      AND ${local('Asia/Manila')} IN (DATE '${day}' - 7, DATE '${day}', DATE '${day}' + 7) GROUP BY ALL`);
    expect(rows.find((r) => r.d === day)).toBeUndefined();
    expect(rows).toHaveLength(2);
  });

  it('spills the volume to Lisbon, with long waits and abandons for two days', async () => {
    // Against the same weekdays of other weeks, August to October.
    const d = local('Europe/Lisbon');
    const rows =
      await db.rows(`SELECT ${d} = DATE '${day}' AS first, ${d} IN (DATE '${day}', DATE '${day}' + 1) AS storm,
      count(*) / count(DISTINCT ${d}) AS n, avg(queue_seconds) FILTER (WHERE NOT abandoned) AS asa,
      avg(abandoned::INT) FILTER (WHERE queue_seconds IS NOT NULL) AS ab
      FROM interactions WHERE site = 'lisbon' AND dayofweek(${d}) IN (dayofweek(DATE '${day}'), dayofweek(DATE '${day}' + 1))
      AND ${d} BETWEEN DATE '2026-08-01' AND DATE '2026-10-31' GROUP BY GROUPING SETS ((first, storm), (storm))`);
    const firstDay = rows.find((r) => r.first === true)!;
    const storm = rows.find((r) => r.first === null && r.storm === true)!;
    const usual = rows.find((r) => r.first === null && r.storm === false)!;
    expect(Number(firstDay.n)).toBeGreaterThan(1.5 * Number(usual.n));
    expect(Number(storm.asa)).toBeGreaterThan(2 * Number(usual.asa));
    expect(Number(storm.ab)).toBeGreaterThan(1.5 * Number(usual.ab));
  });

  it('raises the email/messaging backlog at Lisbon', async () => {
    const backlog = (
      d: string,
    ) => `(SELECT count(*) FROM interactions WHERE site = 'lisbon' AND channel IN ('email', 'messaging')
      AND started_at < timezone('Europe/Lisbon', CAST(DATE '${d}' + 1 AS TIMESTAMP))
      AND (closed_at IS NULL OR closed_at >= timezone('Europe/Lisbon', CAST(DATE '${d}' + 1 AS TIMESTAMP))))`;
    // The two storm days against the same weekdays a week before (counts are small at this scale).
    const storm = await db.num(`SELECT ${backlog(day)} + ${backlog('2026-09-16')}`);
    const before = await db.num(`SELECT ${backlog('2026-09-08')} + ${backlog('2026-09-09')}`);
    expect(storm).toBeGreaterThan(1.5 * before);
  });

  it('logs a sev1 outage at Manila acknowledged after its 15 minutes', async () => {
    const rows = await db.rows(`SELECT (epoch(acknowledged_at) - epoch(opened_at)) / 60 AS ack FROM incidents
      WHERE vendor = 'brightpath' AND site = 'manila' AND category = 'outage' AND severity = 'sev1'
      AND CAST(timezone('Asia/Manila', opened_at) AS DATE) = DATE '${day}' AND resolved_at > acknowledged_at`);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.ack)).toBeGreaterThan(15);
  });
});

describe('5. retention of onboarding cohorts', () => {
  it('is measurable per vendor and differs between them', async () => {
    const rows = await db.rows(retentionSql(ONBOARDING, `year(timezone('Europe/Lisbon', started_at))`));
    for (const v of ['brightpath', 'coastline', 'in_house']) {
      const r = rows.find((x) => x.vendor === v && x.q === 2026)!;
      expect(Number(r.v)).toBeGreaterThan(0.88);
      expect(Number(r.v)).toBeLessThan(0.96);
    }
    const v = (id: string) => Number(rows.find((x) => x.vendor === id && x.q === 2026)!.v);
    expect(v('brightpath')).toBeGreaterThan(v('coastline'));
  });

  it('keeps customers whose onboarding went well (resolved, csat >= 4) better', async () => {
    const rows =
      await db.rows(`WITH f AS (SELECT customer_id, arg_min(resolved AND csat >= 4, started_at) AS good,
      arg_min(csat, started_at) AS first_csat, min(ldate(started_at)) AS first FROM interactions
      WHERE workflow IN ('account_onboarding', 'kyc_review') AND NOT abandoned AND customer_id IS NOT NULL GROUP BY ALL)
      SELECT good, avg(CASE WHEN churned_at IS NULL OR churned_at > first + 90 THEN 1 ELSE 0 END) AS v
      FROM f JOIN customers USING (customer_id) WHERE first_csat IS NOT NULL GROUP BY ALL`);
    const v = (g: boolean) => Number(rows.find((r) => r.good === g)!.v);
    expect(v(true) - v(false)).toBeGreaterThan(0.05);
  });

  it('has customers since before their first contact', async () => {
    const late = await db.num(`SELECT count(*) FROM customers c JOIN (SELECT customer_id, min(started_at) AS f
      FROM interactions GROUP BY ALL) USING (customer_id) WHERE c.since > CAST(f AS DATE)`);
    expect(late).toBe(0);
  });
});
