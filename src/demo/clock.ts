/**
 * Days and instants as integers (days since 1970-01-01, seconds since the epoch) and
 * their text. Formatting millions of timestamps with Date is slow, so the text comes from
 * lookup tables: a date prefix per day and a `HH:MM:SSZ` suffix per second of the day.
 */

export const DAY = 86_400;

export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function secondsOf(isoInstant: string): number {
  return Math.floor(Date.parse(isoInstant) / 1000);
}

const FIRST_DAY = dayOf('2005-01-01');
const LAST_DAY = dayOf('2031-12-31');
let dates: string[] | undefined;
let datesT: string[] | undefined;
let clockZ: string[] | undefined;

function tables(): void {
  dates = [];
  datesT = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const s = new Date(d * 86_400_000).toISOString().slice(0, 10);
    dates.push(s);
    datesT.push(`${s}T`);
  }
  const two: string[] = [];
  for (let i = 0; i < 60; i++) two.push(i < 10 ? `0${i}` : String(i));
  clockZ = new Array<string>(DAY);
  for (let h = 0; h < 24; h++) {
    for (let m = 0; m < 60; m++) {
      const hm = `${two[h]}:${two[m]}:`;
      for (let s = 0; s < 60; s++) clockZ[h * 3600 + m * 60 + s] = `${hm}${two[s]}Z`;
    }
  }
}

/** `YYYY-MM-DD` of a day number. */
export function dateText(day: number): string {
  if (!dates) tables();
  const s = dates![day - FIRST_DAY];
  if (s === undefined) throw new RangeError(`day ${day} is outside the demo calendar`);
  return s;
}

/** ISO 8601 UTC text (`2026-03-02T09:15:00Z`) of whole seconds since the epoch. */
export function tsText(sec: number): string {
  if (!datesT) tables();
  const day = Math.floor(sec / DAY);
  const s = datesT![day - FIRST_DAY];
  if (s === undefined) throw new RangeError(`instant ${sec} is outside the demo calendar`);
  return s + clockZ![sec - day * DAY]!;
}

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** Calendar parts of a day number. */
export function ymd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset (seconds, east positive) at an instant. */
export function zoneOffset(zone: string, sec: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(sec * 1000))) p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) / 1000;
  return local - sec;
}

/** A site's local days: the offset at each local noon, so local clock times map to UTC cheaply. */
export class ZoneDays {
  private readonly offsets: Int32Array;
  constructor(
    readonly zone: string,
    readonly firstDay: number,
    lastDay: number,
  ) {
    this.offsets = new Int32Array(lastDay - firstDay + 1);
    for (let d = firstDay; d <= lastDay; d++) {
      const guess = d * DAY + 43_200;
      const o1 = zoneOffset(zone, guess);
      this.offsets[d - firstDay] = zoneOffset(zone, guess - o1);
    }
  }
  /** UTC seconds of a local clock time (seconds after local midnight) on a local day. */
  utc(day: number, localSec: number): number {
    const o = this.offsets[day - this.firstDay];
    if (o === undefined) throw new RangeError(`day ${day} is outside ${this.zone}'s demo days`);
    return day * DAY + localSec - o;
  }
  /** The local day of a UTC instant. */
  localDay(sec: number): number {
    const approx = Math.floor(sec / DAY);
    const o = this.offsets[Math.min(Math.max(approx - this.firstDay, 0), this.offsets.length - 1)]!;
    return Math.floor((sec + o) / DAY);
  }
}

/** The UTC instant of local midnight starting `isoDate` in `zone`. */
export function localMidnight(zone: string, isoDate: string): number {
  const guess = dayOf(isoDate) * DAY;
  const o1 = zoneOffset(zone, guess);
  return guess - zoneOffset(zone, guess - o1);
}
