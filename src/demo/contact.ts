/**
 * One customer contact: bot or queue, wait or abandon, the person who handles it, how
 * long, whether it is resolved, surveyed, satisfied, in error, with an offer; then one
 * CSV line. This is the hot path (millions of rows), so it works on indexes and
 * precomputed daily arrays and builds the line with one template string.
 */
import type { Calendar } from './calendar.js';
import { HOUR_WAIT } from './calendar.js';
import { localMidnight, secondsOf, tsText } from './clock.js';
import { type CsvWriter, moneyText } from './csv-writer.js';
import { Quota, type Rng } from './prng.js';
import type { QaReviews } from './qa.js';
import { CHANNELS, CHANNEL_PARAMS as CP, EMAIL, MESSAGING, SITES, VENDORS, WORKFLOWS } from './setting.js';
import type { DayRoster } from './shifts.js';
import { STORY, type Timeline, VENDOR_STORY, type VendorStory } from './story.js';
import { daily } from './timeline.js';

/** How much likelier a resolved contact is to please than an unresolved one (top-2-box). */
const SAT_GAP = 0.15;

export const ABANDONED = 1;
export const RESOLVED = 2;
export const SATISFIED = 4;

export const LANGUAGES = [...new Set(SITES.flatMap((s) => Object.keys(s.languages)))];
const VENDOR_OF_SITE = SITES.map((s) => VENDORS.indexOf(s.vendor));

export interface ContactDay {
  site: number;
  day: number;
  dayIdx: number;
  /** Queue waits (load, vendor, typhoon) and email/messaging close delays of the site today. */
  waitFactor: number;
  closeFactor: number;
  roster: DayRoster;
}

export class ContactMaker {
  private n = 0;
  private readonly botLaunch = localMidnight(STORY.chatbot.launchZone, STORY.chatbot.launch);
  private readonly exportAt = secondsOf(STORY.exportAt);
  // Keyed by vendor and workflow (and resolution), so each contract portfolio tracks its rates.
  private readonly resolveQ = new Quota(24);
  private readonly satQ = new Quota(54);
  private readonly errorQ = new Quota(24);
  private readonly v: Record<'resC' | 'resS' | 'csatC' | 'csatS' | 'err' | 'accept', Float64Array[]>;

  constructor(
    private readonly w: CsvWriter,
    private readonly qa: QaReviews,
    private readonly rng: Rng,
    cal: Calendar,
  ) {
    const per = (f: (vs: VendorStory) => Timeline) =>
      VENDORS.map((id) => daily(f(VENDOR_STORY[id]), cal.first, cal.days));
    this.v = {
      resC: per((s) => s.resolveComplex),
      resS: per((s) => s.resolveSimple),
      csatC: per((s) => s.csatComplex),
      csatS: per((s) => s.csatSimple),
      err: per((s) => s.errorRate),
      accept: per((s) => s.offerAccept),
    };
  }

  get count(): number {
    return this.n;
  }

  /** Writes one contact and returns its outcome bits (ABANDONED, RESOLVED, SATISFIED). */
  emit(d: ContactDay, t: number, hour: number, wf: number, ch: number, lang: number, cust: number): number {
    const rng = this.rng;
    const site = SITES[d.site]!;
    const v = VENDOR_OF_SITE[d.site]!;
    const w = WORKFLOWS[wf]!;
    const simple = w.simple ? 1 : 0;
    const di = d.dayIdx;
    const id = `I${++this.n}`;
    const head = `${id},${tsText(t)},`;
    const mid = `${CHANNELS[ch]},${w.id},${site.vendor},${site.site},${LANGUAGES[lang]},`;
    const custText = cust < 0 ? '' : `C${cust + 1}`;
    const afterLaunch = t >= this.botLaunch;
    let path = 'human';
    let start = t;
    // Event 1: from the launch a bot answers simple requests in front of every queue but email.
    if (simple && ch !== EMAIL && afterLaunch) {
      const u = rng.next();
      const bot = STORY.chatbot;
      const botTime = Math.round(rng.range(bot.botSeconds[0], bot.botSeconds[1]));
      if (u < bot.contained + bot.unresolved) {
        const resolved = u < bot.contained;
        let csat = '';
        let sat = 0;
        if (rng.next() < bot.surveyRate) {
          const s = this.satQ.take(48 + v * 2 + (resolved ? 1 : 0), resolved ? 0.8 : 0.25, rng.next());
          csat = score(rng, s);
          sat = s ? SATISFIED : 0;
        }
        const err = rng.next() < bot.errorRate;
        this.w.line(
          `${head}${tsText(t + botTime)},${mid},${custText},bot,,,false,${resolved},${csat},${err},none,0.00\n`,
        );
        return (resolved ? RESOLVED : 0) | sat;
      }
      path = 'bot_to_human';
      start = t + botTime;
    }
    // The queue for a person: answered at once, after a wait, or abandoned when patience runs out.
    let q = -1;
    if (ch !== EMAIL) {
      const f = d.waitFactor * HOUR_WAIT[hour]!;
      const wait = rng.next() < CP.answeredAtOnce[ch]! / Math.max(1, f) ? 0 : rng.exp(CP.waitMean[ch]! * f);
      const patience = rng.exp(CP.patienceMean[ch]!);
      if (patience < wait) {
        q = Math.max(1, Math.round(patience));
        this.w.line(
          `${head}${tsText(start + q)},${mid},${custText},${path},${q},,true,false,,false,none,0.00\n`,
        );
        return ABANDONED;
      }
      q = Math.round(wait);
    }
    const agent = d.roster.pick(ch === EMAIL ? -1 : hour, rng.next());
    const harder = simple && afterLaunch ? STORY.chatbot.harderFactor : 1;
    const handle = Math.max(
      20,
      Math.round(rng.logNormal(w.handleSeconds * CP.handleFactor[ch]! * harder, 0.45)),
    );
    const r = simple ? this.v.resS[v]![di]! : this.v.resC[v]![di]!;
    const resolved = this.resolveQ.take(v * 8 + wf, r, rng.next());
    // Top-2-box CSAT tracks the story's target whatever the resolution mix: resolved contacts
    // are likelier to please, unresolved ones less.
    const target = (simple ? this.v.csatS[v]![di]! : this.v.csatC[v]![di]!) + (w.onboarding ? 0.01 : 0);
    const pSat = Math.min(0.98, Math.max(0.02, resolved ? target + SAT_GAP * (1 - r) : target - SAT_GAP * r));
    let csat = '';
    let sat: boolean;
    if (rng.next() < CP.surveyRate[ch]!) {
      sat = this.satQ.take(v * 16 + wf * 2 + (resolved ? 1 : 0), pSat, rng.next());
      csat = score(rng, sat);
    } else sat = rng.next() < pSat;
    const err = this.errorQ.take(v * 8 + wf, this.v.err[v]![di]! * (simple ? 0.6 : 1), rng.next());
    let offer = 'none';
    let revenue = '0.00';
    if (w.offerRate > 0 && rng.next() < w.offerRate) {
      if (rng.next() < this.v.accept[v]![di]!) {
        offer = 'accepted';
        revenue = moneyText(Math.round(rng.logNormal(4500, 0.7)));
      } else offer = 'declined';
    }
    let closed: number;
    if (ch === EMAIL)
      closed = t + Math.max(handle + 60, Math.round(rng.logNormal(6 * 3600, 0.8) * d.closeFactor));
    else if (ch === MESSAGING)
      closed = start + q + handle + Math.round(rng.logNormal(2400, 0.9) * d.closeFactor);
    else closed = start + q + handle;
    // Asynchronous channels: some are still open at the extract (and a few are forgotten).
    const open = (ch === EMAIL || ch === MESSAGING) && (closed > this.exportAt || rng.next() < 0.001);
    const qText = q < 0 ? '' : String(q);
    this.w.line(
      `${head}${open ? '' : tsText(closed)},${mid}${agent.id},${custText},${path},${qText},${handle},false,${resolved},${csat},${err},${offer},${revenue}\n`,
    );
    this.qa.afterContact(id, d.site, v, di, closed, resolved, err);
    return (resolved ? RESOLVED : 0) | (sat ? SATISFIED : 0);
  }
}

/** A survey answer: 4-5 when satisfied (top-2-box), else 1-3. */
function score(rng: Rng, satisfied: boolean): string {
  const u = rng.next();
  if (satisfied) return u < 0.58 ? '5' : '4';
  return u < 0.4 ? '3' : u < 0.7 ? '2' : '1';
}
