/**
 * The contact stream, day by day in each site's local time. A day's contacts are new
 * episodes (volume from the calendar) plus repeats that earlier episodes scheduled:
 * an abandoned caller often retries within the hour, an unresolved customer comes back
 * within a week on the same workflow, so FCR is a real measurement. Repeats wait in a
 * small ring of future days, so memory stays bounded at any scale.
 */
import type { Calendar } from './calendar.js';
import { HOUR_PROFILE } from './calendar.js';
import { dayOf } from './clock.js';
import { ABANDONED, type ContactDay, type ContactMaker, LANGUAGES, RESOLVED, SATISFIED } from './contact.js';
import type { Customers } from './customers.js';
import { cumulative, type Rng } from './prng.js';
import type { Roster } from './roster.js';
import { EMAIL, SITES, VENDORS, WORKFLOWS } from './setting.js';
import { DayRoster, type Shifts } from './shifts.js';
import { STORY, VENDOR_STORY } from './story.js';
import { daily } from './timeline.js';

interface Repeat {
  wf: number;
  ch: number;
  lang: number;
  cust: number;
  depth: number;
}

const RING = 8;
const MAX_DEPTH = 3;
const WF_CUM = cumulative(WORKFLOWS.map((w) => w.share));
const CH_CUM = SITES.map((s) => cumulative(s.channels));
const LANG_CUM = SITES.map((s) => cumulative(LANGUAGES.map((l) => s.languages[l] ?? 0)));
const SITE_CUM = cumulative(SITES.map((s) => s.share));
const ONBOARDING = WORKFLOWS.findIndex((w) => w.id === 'account_onboarding');
const KYC = WORKFLOWS.findIndex((w) => w.id === 'kyc_review');
const EN = LANGUAGES.indexOf('en');
const QUEUES_CLOSE = 22 * 3600;

export interface InteractionDeps {
  cal: Calendar;
  roster: Roster;
  shifts: Shifts;
  customers: Customers;
  maker: ContactMaker;
  rng: Rng;
  /** Before each day (QA picks its calibration contacts). */
  beforeDay: (day: number) => void;
  /** After each day: flush writers, report progress. */
  afterDay: () => Promise<void>;
}

export async function generateInteractions(deps: InteractionDeps): Promise<void> {
  const { cal, roster, shifts, customers, maker, rng } = deps;
  const pending: Repeat[][][] = Array.from({ length: RING }, () => SITES.map(() => []));
  const days = SITES.map((_, site) => ({
    site,
    day: 0,
    dayIdx: 0,
    waitFactor: 1,
    closeFactor: 1,
    roster: new DayRoster(shifts, roster),
  })) satisfies ContactDay[];
  const meanEpisodes = cal.episodes.map((e) => e.reduce((a, b) => a + b, 0) / e.length);
  const vendorWait = VENDORS.map((v) => daily(VENDOR_STORY[v].waitFactor, cal.first, cal.days));
  const ty = STORY.typhoon;
  const tyDay = dayOf(ty.date);
  const spillSite = SITES.findIndex((s) => s.site === ty.spillTo);

  const contact = (
    d: ContactDay,
    localSec: number,
    wf: number,
    ch: number,
    lang: number,
    cust: number,
    depth: number,
    isNew: boolean,
  ): void => {
    const t = cal.zones[d.site]!.utc(d.day, localSec);
    const out = maker.emit(d, t, Math.min(23, Math.floor(localSec / 3600)), wf, ch, lang, cust);
    if (isNew) {
      const good = (out & (ABANDONED | RESOLVED | SATISFIED)) === (RESOLVED | SATISFIED);
      customers.decideChurn(cust, d.day, good, VENDORS.indexOf(SITES[d.site]!.vendor));
    }
    if (depth >= MAX_DEPTH) return;
    if (out & ABANDONED) {
      const u = rng.next();
      if (u < 0.55) {
        const again = localSec + 120 + Math.round(rng.exp(900));
        const c = rng.next() < 0.8 ? ch : rng.pick(CH_CUM[d.site]!);
        // Queues close at 22:00 local: a later retry waits for another day.
        if (again < (c === EMAIL ? 86_399 : QUEUES_CLOSE))
          contact(d, again, wf, c, lang, cust, depth + 1, false);
        else later(d, 1, wf, c, lang, cust, depth);
      } else if (u < 0.8) later(d, 1 + rng.int(3), wf, ch, lang, cust, depth);
    } else if (!(out & RESOLVED)) {
      if (rng.next() < 0.7) later(d, 1 + rng.int(6), wf, ch, lang, cust, depth);
    } else if (rng.next() < 0.04) later(d, 1 + rng.int(6), wf, ch, lang, cust, depth);
  };

  // A repeat a few days later, mostly to the same site (routing) and often on another channel.
  const later = (
    d: ContactDay,
    k: number,
    wf: number,
    ch: number,
    lang: number,
    cust: number,
    depth: number,
  ): void => {
    if (d.dayIdx + k >= cal.days) return;
    let site = d.site;
    if (rng.next() < 0.1) site = rng.pick(SITE_CUM);
    const l = site === d.site ? lang : rng.pick(LANG_CUM[site]!);
    const c = rng.next() < 0.6 ? ch : rng.pick(CH_CUM[site]!);
    pending[(d.dayIdx + k) % RING]![site]!.push({ wf, ch: c, lang: l, cust, depth: depth + 1 });
  };

  const arrival = (ch: number): number => rng.pick(HOUR_PROFILE[ch]!) * 3600 + rng.int(3600);

  const fresh = (d: ContactDay, lang: number): void => {
    const wf = rng.pick(WF_CUM);
    const ch = rng.pick(CH_CUM[d.site]!);
    const l = lang >= 0 ? lang : rng.pick(LANG_CUM[d.site]!);
    let cust: number;
    let isNew = false;
    if (wf === ONBOARDING || wf === KYC) {
      cust =
        wf === KYC && rng.next() < STORY.retention.kycRecentShare
          ? customers.pickRecent(d.day, d.site, rng)
          : -1;
      if (cust < 0) {
        cust = customers.create(d.day, d.site);
        isNew = true;
      }
    } else cust = rng.next() < WORKFLOWS[wf]!.anonymous ? -1 : customers.pickCurrent(d.day, rng);
    contact(d, arrival(ch), wf, ch, l, cust, 0, isNew);
  };

  const counts = new Int32Array(SITES.length);
  for (let di = 0; di < cal.days; di++) {
    const day = cal.first + di;
    customers.startDay(day);
    deps.beforeDay(day);
    // Day-to-day noise comes from the calendar; rounding the expectation (dithered) rather than
    // drawing a Poisson count keeps small demo scales from drowning the story in noise.
    for (let s = 0; s < SITES.length; s++) counts[s] = Math.floor(cal.episodes[s]![di]! + rng.next());
    // Event 4: a down site's new contacts and repeats go to the spill site (in English).
    let spilled = 0;
    const slot = pending[di % RING]!;
    for (let s = 0; s < SITES.length; s++) {
      const cap = shifts.capacity(s, day);
      if (cap >= 1) continue;
      const keep = Math.round(counts[s]! * cap);
      spilled += counts[s]! - keep;
      counts[s] = keep;
      const reps = slot[s]!;
      const stay = Math.round(reps.length * cap);
      for (const r of reps.splice(stay)) slot[spillSite]!.push({ ...r, lang: EN });
    }
    for (let s = 0; s < SITES.length; s++) {
      const d = days[s]!;
      d.day = day;
      d.dayIdx = di;
      const k = day - tyDay;
      const storm = s === spillSite && (k === 0 || k === 1);
      const load = Math.min(2, Math.max(0.5, cal.episodes[s]![di]! / meanEpisodes[s]!));
      d.waitFactor =
        vendorWait[VENDORS.indexOf(SITES[s]!.vendor)]![di]! * load ** 1.2 * (storm ? ty.waitFactor[k]! : 1);
      d.closeFactor = storm ? ty.closeDelayFactor[k]! : 1;
      d.roster.build(s, day);
      for (let i = 0; i < counts[s]!; i++) fresh(d, -1);
      if (s === spillSite) for (let i = 0; i < spilled; i++) fresh(d, EN);
      const reps = slot[s]!;
      for (const r of reps) {
        // A customer who has left since does not come back about it.
        if (customers.isCurrent(r.cust, day))
          contact(d, arrival(r.ch), r.wf, r.ch, r.lang, r.cust, r.depth, false);
      }
      reps.length = 0;
    }
    await deps.afterDay();
  }
}
