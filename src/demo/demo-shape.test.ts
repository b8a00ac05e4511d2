/**
 * The story's background, from the data: vendor split, workflow and channel mix, weekday
 * and month-end patterns, FCR, survey rate, staffing, adherence and the roster's links.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.js';
import { SITES } from './setting.js';
import { adherenceSql, DemoDb, fcrSql } from './test-support/demo-db.js';

let dir: string;
let db: DemoDb;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-shape-'));
  await generateDemo({ scale: 0.03, seed: 3, outDir: dir });
  db = await DemoDb.open(dir);
});

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('demo background', () => {
  it('is about 30,000 contacts at scale 0.03, split 45/35/20 between the parties', async () => {
    const rows = await db.rows(
      `SELECT vendor, count(*) AS n, count(*) / sum(count(*)) OVER () AS v FROM interactions GROUP BY ALL`,
    );
    const total = rows.reduce((s, r) => s + Number(r.n), 0);
    expect(total).toBeGreaterThan(27_000);
    expect(total).toBeLessThan(33_000);
    const share = (v: string) => Number(rows.find((r) => r.vendor === v)!.v);
    expect(Math.abs(share('brightpath') - 0.45)).toBeLessThan(0.03);
    expect(Math.abs(share('coastline') - 0.35)).toBeLessThan(0.03);
    expect(Math.abs(share('in_house') - 0.2)).toBeLessThan(0.03);
  });

  it('has simple requests at about 40% of contacts, every channel and the sites languages', async () => {
    expect(
      await db.num(`SELECT avg((workflow IN ('password_reset', 'general_inquiry'))::INT) FROM interactions`),
    ).toBeCloseTo(0.4, 1);
    expect(await db.num(`SELECT count(DISTINCT channel) FROM interactions`)).toBe(4);
    const langs = await db.rows(
      `SELECT site, list(DISTINCT language ORDER BY language) AS l FROM interactions GROUP BY ALL`,
    );
    const dublin = langs.find((r) => r.site === 'dublin')!.l as unknown as string[];
    expect(dublin).toEqual(['en', 'fr']);
  });

  it('follows weekday, hour-of-day and month-end patterns in local time', async () => {
    const rows =
      await db.rows(`SELECT dayofweek(ldate(started_at)) AS wd, count(*) / count(DISTINCT ldate(started_at)) AS v
      FROM interactions WHERE site = 'lisbon' GROUP BY ALL`);
    const wd = (d: number) => Number(rows.find((r) => r.wd === d)!.v);
    expect(wd(1)).toBeGreaterThan(1.8 * wd(0));
    const night =
      await db.num(`SELECT count(*) FROM interactions i JOIN sites s USING (site) WHERE channel <> 'email'
      AND (hour(timezone(s.timezone, i.started_at)) < 7 OR hour(timezone(s.timezone, i.started_at)) >= 22)`);
    expect(night).toBe(0);
    const monthEnd = await db.num(`WITH d AS (SELECT ldate(started_at) AS d, count(*) AS n FROM interactions
      WHERE dayofweek(ldate(started_at)) BETWEEN 1 AND 5 GROUP BY ALL)
      SELECT avg(n) FILTER (WHERE day(d) <= 2 OR day(d + 2) <= 2) / avg(n) FILTER (WHERE day(d) BETWEEN 8 AND 22) FROM d`);
    expect(monthEnd).toBeGreaterThan(1.15);
  });

  it('has meaningful FCR, surveys on about a quarter of handled contacts, offers and revenue', async () => {
    const fcr = await db.rows(fcrSql(['card_dispute', 'chargeback', 'payment_issue', 'fraud_alert']));
    for (const r of fcr.filter((x) => String(x.q) >= '2025-Q4')) {
      expect(Number(r.v)).toBeGreaterThan(0.6);
      expect(Number(r.v)).toBeLessThan(0.82);
    }
    const surveyed = await db.num(
      `SELECT avg((csat IS NOT NULL)::INT) FROM interactions WHERE NOT abandoned`,
    );
    expect(surveyed).toBeGreaterThan(0.2);
    expect(surveyed).toBeLessThan(0.3);
    const offers = await db.rows(
      `SELECT offer, count(*) AS n, sum(revenue) AS r FROM interactions GROUP BY ALL`,
    );
    expect(Number(offers.find((r) => r.offer === 'accepted')!.r)).toBeGreaterThan(0);
    expect(Number(offers.find((r) => r.offer === 'declined')!.r)).toBe(0);
  });

  it('keeps email and messaging open at period ends (backlog) and closes the rest', async () => {
    const open = await db.num(`SELECT count(*) FROM interactions WHERE channel IN ('email', 'messaging')
      AND started_at < TIMESTAMPTZ '2026-03-31 23:00:00+00' AND (closed_at IS NULL OR closed_at >= TIMESTAMPTZ '2026-03-31 23:00:00+00')`);
    expect(open).toBeGreaterThan(0);
    expect(
      await db.num(
        `SELECT count(*) FROM interactions WHERE channel IN ('voice', 'chat') AND closed_at IS NULL`,
      ),
    ).toBe(0);
  });

  it('staffs every site with agents led by a team lead of the same site, plus QA, trainer and manager', async () => {
    const roles = await db.rows(
      `SELECT site, role, count(*) AS n FROM agents WHERE left_at IS NULL GROUP BY ALL`,
    );
    for (const s of SITES) {
      for (const role of ['agent', 'team_lead', 'qa', 'trainer', 'manager']) {
        expect(roles.find((r) => r.site === s.site && r.role === role)?.n ?? 0).toBeGreaterThan(0);
      }
    }
    const orphans =
      await db.num(`SELECT count(*) FROM agents a LEFT JOIN agents l ON l.agent_id = a.team_lead_id
      AND l.role = 'team_lead' AND l.site = a.site WHERE a.role = 'agent' AND l.agent_id IS NULL`);
    expect(orphans).toBe(0);
    expect(await db.num(`SELECT count(*) FROM agents WHERE critical_role <> (role = 'team_lead')`)).toBe(0);
  });

  it('has adherence about 0.85-0.95 and occupancy about 0.8', async () => {
    for (const r of await db.rows(adherenceSql('2026-03-01', '2026-04-01'))) {
      expect(Number(r.v)).toBeGreaterThan(0.84);
      expect(Number(r.v)).toBeLessThan(0.97);
    }
    const occ =
      await db.num(`SELECT sum(epoch("end") - epoch(start)) FILTER (WHERE state IN ('on_contact', 'after_contact_work'))
      / sum(epoch("end") - epoch(start)) FILTER (WHERE state IN ('available', 'on_contact', 'after_contact_work')) FROM agent_states`);
    expect(occ).toBeGreaterThan(0.7);
    expect(occ).toBeLessThan(0.9);
  });

  it('has a handful of logins per agent and week, and ordinary QA reviews each week', async () => {
    const perWeek = await db.num(`SELECT count(*) / (count(DISTINCT agent_id) * 65.0) FROM access_events`);
    expect(perWeek).toBeGreaterThan(3);
    expect(perWeek).toBeLessThan(9);
    const reviews =
      await db.num(`SELECT count(*) / (SELECT count(*) FROM agents WHERE role = 'agent' AND left_at IS NULL) / 65.0
      FROM qa_reviews WHERE NOT calibration`);
    expect(reviews).toBeGreaterThan(1);
    expect(reviews).toBeLessThan(6);
  });
});
