/**
 * QA reviews of handled contacts: a few ordinary reviews per agent and week, and twice a
 * week per vendor a calibration exercise where 3-4 of its reviewers score the same
 * contact. Scores are a true quality plus reviewer noise, so the vendor's interval
 * Krippendorff alpha is about trueSd^2 / (trueSd^2 + noise^2): ~0.89 for BrightPath,
 * ~0.6 for Coastline in 2026 (event 3).
 */
import type { Calendar } from './calendar.js';
import { DAY, secondsOf, tsText, weekday } from './clock.js';
import type { CsvWriter } from './csv-writer.js';
import { Rng } from './prng.js';
import type { Roster, Staff } from './roster.js';
import { SITES, VENDORS } from './setting.js';
import { STORY, VENDOR_STORY } from './story.js';
import { daily } from './timeline.js';

export class QaReviews {
  private n = 0;
  private readonly rng: Rng;
  private readonly exportAt = secondsOf(STORY.exportAt);
  private readonly siteQa: Staff[][];
  private readonly vendorQa: Staff[][];
  private readonly pReview: number[];
  private readonly qaMean: Float64Array[];
  private readonly noise: Float64Array[];
  /** Per site: a calibration exercise is due today, on the next handled contact. */
  readonly calibrationDue: boolean[] = SITES.map(() => false);

  constructor(
    private readonly w: CsvWriter,
    roster: Roster,
    cal: Calendar,
    seed: number,
  ) {
    this.rng = new Rng(seed, 404);
    this.siteQa = roster.sites.map((s) => s.qa);
    this.vendorQa = VENDORS.map((v) => roster.vendorQa(v));
    this.pReview = SITES.map((_, si) => {
      const perDay = cal.meanContacts(si) * 0.85;
      const agents = roster.sites[si]!.agents.filter((a) => a.left > cal.last).length;
      return Math.min(0.5, Math.max(0.002, (STORY.qa.reviewsPerAgentWeek * agents) / (7 * perDay)));
    });
    this.qaMean = VENDORS.map((v) => daily(VENDOR_STORY[v].qaMean, cal.first, cal.days));
    this.noise = VENDORS.map((v) => daily(VENDOR_STORY[v].calibrationNoise, cal.first, cal.days));
  }

  /** Tuesdays and Thursdays each vendor calibrates on one of its sites, taking turns. */
  startDay(day: number): void {
    const wd = weekday(day);
    const which = STORY.qa.calibrationWeekdays.indexOf(wd as 1 | 3);
    this.calibrationDue.fill(false);
    if (which < 0) return;
    const week = Math.floor((day + 3) / 7);
    for (const v of VENDORS) {
      const sites = SITES.map((s, si) => (s.vendor === v ? si : -1)).filter((si) => si >= 0);
      this.calibrationDue[sites[(week * 2 + which) % sites.length]!] = true;
    }
  }

  /** Called for every contact a person handled. */
  afterContact(
    id: string,
    site: number,
    v: number,
    dayIdx: number,
    closed: number,
    resolved: boolean,
    error: boolean,
  ): void {
    const rng = this.rng;
    if (rng.next() < this.pReview[site]!) {
      const at = closed + 18 * 3600 + rng.int(4 * DAY);
      if (at <= this.exportAt) {
        const pool = this.siteQa[site]!;
        const raw = this.qaMean[v]![dayIdx]! + 8 * rng.normal() - (error ? 18 : 0) - (resolved ? 0 : 6);
        const score = Math.min(100, Math.max(0, Math.round(raw)));
        this.n++;
        this.w.line(`R${this.n},${id},${pool[rng.int(pool.length)]!.id},${tsText(at)},${score},false\n`);
      }
    }
    // A calibration exercise needs all its reviews done before the extract.
    if (this.calibrationDue[site] && closed + 5 * DAY <= this.exportAt) {
      this.calibrationDue[site] = false;
      this.calibrate(id, v, dayIdx, closed);
    }
  }

  private calibrate(id: string, v: number, dayIdx: number, closed: number): void {
    const rng = this.rng;
    const pool = this.vendorQa[v]!.slice();
    const [lo, hi] = STORY.qa.reviewers;
    const k = Math.min(pool.length, lo + rng.int(hi - lo + 1));
    const truth = STORY.qa.trueMean + STORY.qa.trueSd * rng.normal();
    const noise = this.noise[v]![dayIdx]!;
    for (let j = 0; j < k; j++) {
      const pick = j + rng.int(pool.length - j);
      const reviewer = pool[pick]!;
      pool[pick] = pool[j]!;
      const at = closed + DAY + rng.int(4 * DAY);

      const score = Math.min(100, Math.max(0, Math.round(truth + noise * rng.normal())));
      this.n++;
      this.w.line(`R${this.n},${id},${reviewer.id},${tsText(at)},${score},true\n`);
    }
  }
}
