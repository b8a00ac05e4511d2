/**
 * Sites and people: each site gets agents sized to its volume (contacts x AHT over
 * productive hours), team leads, QA reviewers, a trainer and a manager; seats turn over
 * through hr.ts. Staff ids are readable (`lis-a007`, `cpt-tl02`) and stable per seed.
 */
import type { Calendar } from './calendar.js';
import { dateText, dayOf } from './clock.js';
import type { CsvWriter } from './csv-writer.js';
import { agentSeat, leadSeat, NEVER, type Role, type Tenure, type Vacancy } from './hr.js';
import { cumulative, hashUnit, Rng } from './prng.js';
import { SITES, type VendorId } from './setting.js';
import { STORY, VENDOR_STORY } from './story.js';

export interface Staff {
  idx: number;
  id: string;
  site: number;
  vendor: VendorId;
  role: Role;
  hired: number;
  left: number;
  /** Agents: the seat of their team lead at the site; others: -1. */
  team: number;
  /** Weekly days off (Monday = 0). */
  offA: number;
  offB: number;
  /** Hash key for this person's per-day facts. */
  key: number;
}

export interface SiteStaff {
  agents: Staff[];
  /** Holders of each team-lead seat, oldest first. */
  leadSeats: Staff[][];
  qa: Staff[];
  trainer: Staff;
}

// Two consecutive days off, most often the weekend, so weekday peaks have more people.
const OFF_PAIRS = [
  [5, 6],
  [6, 0],
  [4, 5],
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
] as const;
const OFF_CUM = cumulative([0.4, 0.15, 0.15, 0.06, 0.08, 0.08, 0.08]);

export class Roster {
  readonly staff: Staff[] = [];
  readonly sites: SiteStaff[] = [];
  readonly vacancies: Vacancy[] = [];
  readonly first: number;
  readonly last: number;

  constructor(cal: Calendar, seed: number) {
    const rng = new Rng(seed, 101);
    this.first = cal.first;
    this.last = cal.last;
    const span = { first: cal.first, last: cal.last };
    const st = STORY.staffing;
    const spike = STORY.attritionSpike;
    SITES.forEach((site, si) => {
      const vs = VENDOR_STORY[site.vendor];
      const perAgentDay = st.workHours * 3600 * st.occupancy;
      const need = (((cal.meanContacts(si) * 0.92 * st.ahtSeconds) / perAgentDay) * (7 / 5)) / (1 - 0.06);
      const nAgents = Math.max(st.minAgents, Math.round(need));
      const nLeads = Math.max(1, Math.round(nAgents / st.agentsPerLead));
      const singleSite = SITES.filter((s) => s.vendor === site.vendor).length === 1;
      const nQa = Math.max(singleSite ? st.qaSingleSite : st.qaPerSite, Math.round(nAgents / 40));
      const counters = new Map<string, number>();
      const add = (role: Role, prefix: string, t: Tenure, team: number): Staff => {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        const idx = this.staff.length;
        const key = Math.floor(hashUnit(seed, 7, idx) * 2 ** 31);
        const off = OFF_PAIRS[rng.pick(OFF_CUM)]!;
        const s: Staff = {
          idx,
          id: `${site.code}-${prefix}${String(n).padStart(3, '0')}`,
          site: si,
          vendor: site.vendor,
          role,
          hired: t.hired,
          left: t.left,
          team,
          offA: off[0],
          offB: off[1],
          key,
        };
        this.staff.push(s);
        return s;
      };
      // Team-lead departures of the story, dealt round-robin over the site's lead seats.
      const events: number[][] = Array.from({ length: nLeads }, () => []);
      const departures = STORY.teamLeadDepartures.filter((e) => e.site === site.site);
      departures.forEach((e, k) => {
        events[k % nLeads]!.push(dayOf(e.date));
      });
      const leadSeats = events.map((ev) =>
        leadSeat(rng, vs, si, span, ev, this.vacancies).map((t) => add('team_lead', 'tl', t, -1)),
      );
      // Cape Town's Q2 exodus: a fixed share of seats loses its holder on a day in Q2.
      const forcedSeats = new Set<number>();
      if (site.site === spike.site) {
        const k = Math.round(nAgents * spike.share);
        while (forcedSeats.size < k) forcedSeats.add(rng.int(nAgents));
      }
      const from = dayOf(spike.from);
      const agents: Staff[] = [];
      for (let p = 0; p < nAgents; p++) {
        const forced = forcedSeats.has(p) ? from + rng.int(dayOf(spike.to) - from + 1) : null;
        for (const t of agentSeat(rng, vs, si, span, forced, this.vacancies))
          agents.push(add('agent', 'a', t, p % nLeads));
      }
      const long = (): Tenure => ({ hired: cal.first - 200 - rng.int(2000), left: NEVER });
      const qa = Array.from({ length: nQa }, () => add('qa', 'qa', long(), -1));
      const trainer = add('trainer', 'tr', long(), -1);
      add('manager', 'mg', long(), -1);
      this.sites.push({ agents, leadSeats, qa, trainer });
    });
  }

  /** The lead holding an agent's team seat on a day (employed then), if any. */
  leadOn(a: Staff, day: number): Staff | undefined {
    const seat = this.sites[a.site]!.leadSeats[a.team];
    return seat?.find((l) => l.hired <= day && day <= l.left);
  }

  /** The agent's team lead as HR's roster shows it: the latest lead of the seat by the agent's last day. */
  leadOfRecord(a: Staff): Staff | undefined {
    const day = Math.min(a.left, this.last);
    const seat = this.sites[a.site]!.leadSeats[a.team] ?? [];
    let found: Staff | undefined;
    for (const l of seat) if (l.hired <= day) found = l;
    return found;
  }

  vendorQa(vendor: VendorId): Staff[] {
    return this.sites.filter((_, si) => SITES[si]!.vendor === vendor).flatMap((s) => s.qa);
  }

  writeSites(w: CsvWriter): void {
    for (const s of SITES) w.line(`${s.site},${s.vendor},${s.timezone},${s.country}\n`);
  }

  writeAgents(w: CsvWriter): void {
    for (const a of this.staff) {
      const site = SITES[a.site]!;
      const lead = a.role === 'agent' ? (this.leadOfRecord(a)?.id ?? '') : '';
      const left = a.left === NEVER ? '' : dateText(a.left);
      w.line(
        `${a.id},${a.vendor},${site.site},${site.timezone},${a.role},${lead},${a.role === 'team_lead'},${dateText(a.hired)},${left}\n`,
      );
    }
  }
}
