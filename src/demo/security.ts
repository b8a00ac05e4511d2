/**
 * Security and continuity: logins from the identity provider (every person, every working
 * day) and the vendors' incident registers. Coastline's Q3 2026 logins lapse (no MFA,
 * countries outside the contract, event 3); Manila's typhoon is a late-acknowledged sev1
 * outage (event 4).
 */
import type { Calendar } from './calendar.js';
import { DAY, dayOf, secondsOf, tsText, weekday } from './clock.js';
import type { CsvWriter } from './csv-writer.js';
import { NEVER } from './hr.js';
import { cumulative, Rng } from './prng.js';
import type { Roster, Staff } from './roster.js';
import { SITES, VENDORS } from './setting.js';
import { STORY, type Timeline, VENDOR_STORY, type VendorStory } from './story.js';
import { daily, valueAt } from './timeline.js';

export class AccessLog {
  private n = 0;
  private readonly rng: Rng;
  private readonly rates: Float64Array[][];

  constructor(
    private readonly w: CsvWriter,
    private readonly cal: Calendar,
    seed: number,
  ) {
    this.rng = new Rng(seed, 707);
    const keys: ((vs: VendorStory) => Timeline)[] = [
      (s) => s.mfaMiss,
      (s) => s.deviceMiss,
      (s) => s.foreignLogin,
      (s) => s.publicNetwork,
    ];
    this.rates = VENDORS.map((v) => keys.map((k) => daily(k(VENDOR_STORY[v]), cal.first, cal.days)));
  }

  login(a: Staff, day: number, at: number): void {
    const rng = this.rng;
    const [mfaMiss, deviceMiss, foreign, pub] = this.rates[VENDORS.indexOf(a.vendor)]!;
    const di = day - this.cal.first;
    const abroad = STORY.security.foreignCountries;
    const country = rng.next() < foreign![di]! ? abroad[rng.int(abroad.length)]! : SITES[a.site]!.country;
    const mfa = !(rng.next() < mfaMiss![di]!);
    const device = !(rng.next() < deviceMiss![di]!);
    const network = rng.next() < pub![di]! ? 'public' : rng.next() < 0.35 ? 'vpn' : 'corporate';
    this.w.line(`AE${++this.n},${a.id},${tsText(at)},${country},${mfa},${device},${network}\n`);
  }

  /** Team leads, QA, trainers and managers: office days Monday to Friday. */
  staffLogins(roster: Roster): void {
    const rng = this.rng;
    for (const a of roster.staff) {
      if (a.role === 'agent') continue;
      const zone = this.cal.zones[a.site]!;
      const to = Math.min(a.left === NEVER ? this.cal.last : a.left, this.cal.last);
      for (let day = Math.max(a.hired, this.cal.first); day <= to; day++) {
        if (weekday(day) >= 5 || rng.next() < 0.04) continue;
        this.login(a, day, zone.utc(day, 8 * 3600 + rng.int(5400)));
        if (rng.next() < 0.2) this.login(a, day, zone.utc(day, 13 * 3600 + rng.int(3600)));
      }
    }
  }
}

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const SEV_CUM = cumulative([0.1, 0.25, 0.35, 0.3]);
const CATEGORIES = ['security', 'outage', 'data', 'access', 'other'];
const CAT_CUM = cumulative([0.2, 0.25, 0.15, 0.2, 0.2]);
const MIN = 60;
const HOUR = 3600;

interface Incident {
  site: number;
  category: string;
  severity: number;
  opened: number;
  ack: number;
  resolved: number;
}

/** A few incidents per vendor and quarter, mostly acknowledged in time, plus the typhoon. */
export function writeIncidents(w: CsvWriter, cal: Calendar, seed: number): void {
  const rng = new Rng(seed, 808);
  const all: Incident[] = [];
  const exportAt = secondsOf(STORY.exportAt);
  const ty = STORY.typhoon;
  const tySite = SITES.findIndex((s) => s.site === ty.site);
  const tyDay = dayOf(ty.date);
  const quarters = ['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'].map(
    dayOf,
  );
  for (let q = 0; q + 1 < quarters.length; q++) {
    VENDORS.forEach((v) => {
      const vs = VENDOR_STORY[v];
      const sites = SITES.map((s, si) => (s.vendor === v ? si : -1)).filter((si) => si >= 0);
      const n = vs.incidentsPerQuarter - 1 + rng.int(3);
      for (let k = 0; k < n; k++) {
        const opened = quarters[q]! * DAY + rng.int((quarters[q + 1]! - quarters[q]!) * DAY - 3 * DAY);
        const site = sites[rng.int(sites.length)]!;
        // The typhoon is the incident of those days at its site.
        if (site === tySite && Math.abs(Math.floor(opened / DAY) - tyDay) <= 2) continue;
        const sev = rng.pick(SEV_CUM);
        const late = rng.next() < valueAt(vs.incidentLate, Math.floor(opened / DAY));
        const ackMin = [
          late ? rng.range(20, 90) : rng.range(3, 14),
          late ? rng.range(70, 240) : rng.range(10, 55),
          rng.range(30, 480),
          rng.range(60, 1440),
        ][sev]!;
        const resH = [
          late ? rng.range(4.5, 12) : rng.range(1, 3.8),
          late ? rng.range(25, 60) : rng.range(3, 22),
          rng.range(4, 72),
          rng.range(8, 240),
        ][sev]!;
        const ack = opened + Math.round(ackMin * MIN);
        all.push({
          site,
          category: CATEGORIES[rng.pick(CAT_CUM)]!,
          severity: sev,
          opened,
          ack,
          resolved: Math.max(ack, opened + Math.round(resH * HOUR)),
        });
      }
    });
  }
  const opened = cal.zones[tySite]!.utc(tyDay, ty.incident.openedLocalMinute * MIN);
  all.push({
    site: tySite,
    category: 'outage',
    severity: 0,
    opened,
    ack: opened + ty.incident.ackMinutes * MIN,
    resolved: opened + ty.incident.resolveHours * HOUR,
  });
  all.sort((a, b) => a.opened - b.opened);
  all.forEach((x, i) => {
    const s = SITES[x.site]!;
    const ack = x.ack <= exportAt ? tsText(x.ack) : '';
    const res = x.resolved <= exportAt ? tsText(x.resolved) : '';
    w.line(
      `INC-${String(i + 1).padStart(4, '0')},${s.vendor},${s.site},${x.category},${SEVERITIES[x.severity]},${tsText(x.opened)},${ack},${res}\n`,
    );
  });
}
