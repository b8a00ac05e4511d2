/**
 * Northwind's customers, kept in typed arrays (millions at scale 10). Existing customers
 * exist from the start; every onboarding episode creates a new one a few days before its
 * first contact. Whether a new customer churns within 90 days is decided by how that first
 * onboarding contact went (event 5), so retention_90d differs by vendor.
 */
import type { Calendar } from './calendar.js';
import { dateText, dayOf } from './clock.js';
import { type CsvWriter, moneyText } from './csv-writer.js';
import { hashUnit, Quota, Rng } from './prng.js';
import { WORKFLOWS } from './setting.js';
import { STORY } from './story.js';

const SEGMENTS = ['retail', 'premium', 'business', 'student'];
const SEGMENT_CUM = [0.7, 0.85, 0.95, 1];
const SEGMENT_MEDIAN_CENTS = [1800, 6500, 14000, 600];

export class Customers {
  count = 0;
  readonly existing: number;
  private since: Int32Array;
  private churn: Int32Array;
  private home: Uint8Array;
  /** First new customer created on each day, for "a customer onboarded recently". */
  private readonly dayStart: Int32Array;
  private readonly churnQuota = new Quota(8);
  private readonly rng: Rng;

  constructor(
    scale: number,
    private readonly cal: Calendar,
    private readonly seed: number,
  ) {
    this.rng = new Rng(seed, 303);
    const r = STORY.retention;
    this.existing = Math.max(50, Math.round(STORY.customersPerScale * scale * r.existingShare));
    const onboarding = WORKFLOWS.filter((w) => w.onboarding).reduce((s, w) => s + w.share, 0);
    const capacity = this.existing + Math.round(STORY.contactsPerScale * scale * onboarding * 1.2) + 64;
    this.since = new Int32Array(capacity);
    this.churn = new Int32Array(capacity);
    this.home = new Uint8Array(capacity);
    this.dayStart = new Int32Array(cal.days + 1);
    const oldest = dayOf('2012-01-01');
    const span = cal.first - 1 - oldest;
    for (let i = 0; i < this.existing; i++) {
      // More recent customers are more common (the bank grows).
      this.since[i] = oldest + Math.floor(this.rng.next() ** 0.6 * span);
      this.churn[i] = this.rng.next() < r.existingChurn ? cal.first + this.rng.int(cal.days) : -1;
      this.home[i] = 255;
    }
    this.count = this.existing;
  }

  /** Called before a day's contacts: new customers from here on are "born" on this day. */
  startDay(day: number): void {
    this.dayStart[day - this.cal.first] = this.count;
  }

  /** A random current customer, or -1 (anonymous) if a few draws only find churned ones. */
  pickCurrent(day: number, rng: Rng): number {
    for (let k = 0; k < 10; k++) {
      const i = rng.int(this.count);
      const c = this.churn[i]!;
      if (c < 0 || c > day) return i;
    }
    return -1;
  }

  /** Still a customer on the day (anonymous contacts, -1, always are). */
  isCurrent(i: number, day: number): boolean {
    if (i < 0) return true;
    const c = this.churn[i]!;
    return c < 0 || c > day;
  }

  /** A customer born at the site in the last 60 days (a KYC review after onboarding), or -1. */
  pickRecent(day: number, site: number, rng: Rng): number {
    const lo = this.dayStart[Math.max(0, day - 60 - this.cal.first)]!;
    const n = this.count - lo;
    if (n <= 0) return -1;
    for (let k = 0; k < 8; k++) {
      const i = lo + rng.int(n);
      const c = this.churn[i]!;
      if (this.home[i] === site && (c < 0 || c > day)) return i;
    }
    return -1;
  }

  /** A new customer, customer since a few days before the contact that creates them. */
  create(day: number, site: number): number {
    if (this.count === this.since.length) this.grow();
    const i = this.count++;
    this.since[i] = day - 2 - this.rng.int(5);
    this.churn[i] = -1;
    this.home[i] = site;
    return i;
  }

  /** Event 5: churn within 90 days is likelier when the first onboarding contact went badly. */
  decideChurn(i: number, day: number, good: boolean, vendor: number): void {
    const r = STORY.retention;
    const p = good ? r.churn90Good : r.churn90Bad;
    if (this.churnQuota.take(vendor * 2 + (good ? 1 : 0), p, this.rng.next())) {
      // Strictly inside the 90-day window in any zone's local date.
      this.churn[i] = day + 3 + this.rng.int(86);
    } else if (this.rng.next() < r.laterChurn) {
      this.churn[i] = day + 93 + this.rng.int(450);
    }
  }

  async write(w: CsvWriter): Promise<void> {
    for (let i = 0; i < this.count; i++) {
      if ((i & 0xffff) === 0) await w.maybeFlush();
      const u = hashUnit(this.seed, i, 61);
      let s = 0;
      while (u >= SEGMENT_CUM[s]!) s++;
      const z =
        Math.sqrt(-2 * Math.log(1 - hashUnit(this.seed, i, 62))) *
        Math.cos(2 * Math.PI * hashUnit(this.seed, i, 63));
      const cents = Math.max(100, Math.round(SEGMENT_MEDIAN_CENTS[s]! * Math.exp(0.5 * z)));
      const c = this.churn[i]!;
      w.line(
        `C${i + 1},${dateText(this.since[i]!)},${c >= 0 ? dateText(c) : ''},${SEGMENTS[s]},${moneyText(cents)}\n`,
      );
    }
  }

  private grow(): void {
    const n = this.since.length * 2;
    const g = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.since = g(this.since, new Int32Array(n));
    this.churn = g(this.churn, new Int32Array(n));
    this.home = g(this.home, new Uint8Array(n));
  }
}
