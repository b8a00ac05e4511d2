/** Quarters of a contract term as period labels (`2026-Q3`) and which one to show first. */

export interface Term {
  start: string;
  end: string;
}

const quarterOf = (date: string): { year: number; q: number } => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, q: Math.floor((month - 1) / 3) + 1 };
};

export const quarterLabel = (year: number, q: number): string => `${year}-Q${q}`;

/** First and last local dates of a quarter label. */
export function quarterDates(label: string): { start: string; end: string } {
  const year = Number(label.slice(0, 4));
  const q = Number(label.slice(6));
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** Every quarter that overlaps the term, in order. */
export function termQuarters(term: Term): string[] {
  const from = quarterOf(term.start);
  const to = quarterOf(term.end);
  const out: string[] = [];
  for (let year = from.year, q = from.q; year < to.year || (year === to.year && q <= to.q); ) {
    out.push(quarterLabel(year, q));
    q += 1;
    if (q > 4) {
      q = 1;
      year += 1;
    }
  }
  return out;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Quarters of the term that have begun by today (those with data to show). */
export function startedQuarters(term: Term, today = todayIso()): string[] {
  const all = termQuarters(term);
  const started = all.filter((label) => quarterDates(label).start <= today);
  return started.length > 0 ? started : all.slice(0, 1);
}

/**
 * The quarter to open on: the latest quarter of the term that has ended by today (its
 * data complete), else the current one, else the term's last when the term is over.
 */
export function defaultQuarter(term: Term, today = todayIso()): string {
  const all = termQuarters(term);
  const ended = all.filter((label) => quarterDates(label).end < today);
  return (
    ended.at(-1) ??
    startedQuarters(term, today).at(-1) ??
    all[0] ??
    quarterLabel(Number(today.slice(0, 4)), 1)
  );
}

/** The term of the current calendar year, for pages without a contract (an agent's own page). */
export const yearTerm = (today = todayIso()): Term => ({
  start: `${today.slice(0, 4)}-01-01`,
  end: `${today.slice(0, 4)}-12-31`,
});

/** Calendar years a term covers: `2026`. */
export function termYears(term: Term): string[] {
  const out: string[] = [];
  for (let y = Number(term.start.slice(0, 4)); y <= Number(term.end.slice(0, 4)); y += 1) out.push(String(y));
  return out;
}

/** The as-of date that projects a quarter or month: today while it runs, else the day after it ends. */
export function projectionAsOf(period: string, today = todayIso()): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  let next: string | null = null;
  if (q) {
    const year = Number(q[1]);
    const quarter = Number(q[2]);
    next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  } else if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  }
  return next !== null && next < today ? next : today;
}
