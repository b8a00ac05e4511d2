/**
 * Turnover: every seat (position) of a site has a chain of holders. A holder leaves by
 * the vendor's monthly attrition (or a story event), the seat's vacancy opens at the
 * resignation and the replacement is hired the day it is filled, so attrition,
 * vacancies and backfill days all come from one simulation.
 */
import { dateText } from './clock.js';
import type { CsvWriter } from './csv-writer.js';
import type { Rng } from './prng.js';
import { SITES } from './setting.js';
import type { VendorStory } from './story.js';
import { valueAt } from './timeline.js';

export type Role = 'agent' | 'team_lead' | 'qa' | 'trainer' | 'manager';
/** left of someone still employed. */
export const NEVER = 1e9;

export interface Tenure {
  hired: number;
  left: number;
}

export interface Vacancy {
  site: number;
  role: Role;
  critical: boolean;
  opened: number;
  /** NEVER while still open at the end of the data. */
  filled: number;
}

interface Span {
  first: number;
  last: number;
}

function fill(rng: Rng, vs: VendorStory, role: Role, opened: number): number {
  const [lo, hi] = role === 'team_lead' ? vs.leadFillDays : vs.agentFillDays;
  return Math.round(rng.range(valueAt(lo, opened), valueAt(hi, opened)));
}

function open(
  rng: Rng,
  vs: VendorStory,
  site: number,
  role: Role,
  t: Tenure,
  span: Span,
  out: Vacancy[],
): number {
  const notice = role === 'team_lead' ? rng.int(8) : rng.int(11);
  const opened = Math.max(t.hired + 1, t.left - notice);
  const filled = opened + fill(rng, vs, role, opened);
  out.push({
    site,
    role,
    critical: role === 'team_lead',
    opened,
    filled: filled <= span.last ? filled : NEVER,
  });
  return filled;
}

/**
 * An agent seat: monthly attrition from the first day; `forced` is a story departure
 * (Cape Town's Q2) that applies to whoever holds the seat then.
 */
export function agentSeat(
  rng: Rng,
  vs: VendorStory,
  site: number,
  span: Span,
  forced: number | null,
  vacancies: Vacancy[],
): Tenure[] {
  const tenures: Tenure[] = [];
  let hired = span.first - 60 - rng.int(2400);
  let pending = forced;
  for (;;) {
    if (pending !== null && pending <= hired + 20) pending = null;
    let left = NEVER;
    for (let d = Math.max(hired + 30, span.first); d <= span.last; d += 30) {
      if (pending !== null && pending < d + 30) {
        left = pending;
        pending = null;
        break;
      }
      if (rng.next() < valueAt(vs.attritionMonthly, d)) {
        left = d + rng.int(30);
        break;
      }
    }
    if (left > span.last) {
      tenures.push({ hired, left: NEVER });
      return tenures;
    }
    const t = { hired, left };
    tenures.push(t);
    const filled = open(rng, vs, site, 'agent', t, span, vacancies);
    if (filled > span.last) return tenures;
    hired = filled;
  }
}

/** A team-lead seat: leads leave on the story's dates (critical vacancies), not at random. */
export function leadSeat(
  rng: Rng,
  vs: VendorStory,
  site: number,
  span: Span,
  events: number[],
  vacancies: Vacancy[],
): Tenure[] {
  const tenures: Tenure[] = [];
  let hired = span.first - 300 - rng.int(2500);
  for (const e of events) {
    // A lead hired less than a month ago does not leave yet; a vacant seat has no one to lose.
    if (hired > e - 30) continue;
    const t = { hired, left: e };
    tenures.push(t);
    const filled = open(rng, vs, site, 'team_lead', t, span, vacancies);
    if (filled > span.last) return tenures;
    hired = filled;
  }
  tenures.push({ hired, left: NEVER });
  return tenures;
}

export function writeVacancies(w: CsvWriter, vacancies: readonly Vacancy[]): void {
  vacancies.forEach((v, i) => {
    const s = SITES[v.site]!;
    const filled = v.filled === NEVER ? '' : dateText(v.filled);
    w.line(`V${i + 1},${s.vendor},${s.site},${v.role},${v.critical},${dateText(v.opened)},${filled}\n`);
  });
}
