import type { Dialect } from '../sql/dialect.js';
import { join, raw, type Sql, sql } from '../sql/fragment.js';
import { buckets } from '../time/buckets.js';
import { instantMs, toInstant } from '../time/zone.js';
import { bucketExpression } from './bucket-sql.js';
import type { CompiledQuery, MetricRequest } from './compile.js';
import { decodeStats } from './compile.js';
import { CONTACT_FLAGS, contactFilters, contactsSource, groupBy, groupSelect } from './contacts-source.js';
import type { AdditivePart, AggregatePlan, PlanContext } from './plan-types.js';
import type { Scope } from './scope.js';

/**
 * Per-day rollups of the contact metrics whose statistics add up (counts and sums), for
 * stores whose scans are row by row (PostgreSQL; `Dialect.dailyRollups`). A row of
 * `interaction_days` holds, for one tenant, UTC day and combination of the contact
 * dimensions (all but agent), the totals of the parts below over that day's contacts.
 * Import keeps it current (triggers, migration 4); DuckDB scans too fast to need it.
 *
 * A metric is answered from it only where that gives the same answer: each of its
 * additive parts, at the query's parameters, is a part kept here (same SQL, same values);
 * the scope filters and breaks down by kept dimensions only; and only whole UTC days
 * inside the period (and inside one bucket of a series) come from it: the edges (a local
 * midnight is not a UTC one) are read from the contacts themselves, in the same query.
 */
export const ROLLUP_TABLE = 'interaction_days';
export const ROLLUP_DIMENSIONS = ['vendor', 'workflow', 'site', 'channel', 'language', 'path'] as const;

export interface RolledPart {
  name: string;
  kind: 'count' | 'sum';
  /** For sums: the value summed, as SQL over a contact (default parameters inlined). */
  value?: string;
  where: string;
}

/**
 * The parts kept, released with migration 4 (the trigger computes exactly these): a
 * change here is a new migration that rebuilds the table. Written out, not derived from
 * the plans, so a changed plan stops matching (and is answered from contacts) instead of
 * silently reading parts computed the old way. `rollup.test.ts` checks they still match.
 */
export const ROLLED_PARTS: RolledPart[] = [
  { name: 'contacts', kind: 'count', where: 'true' },
  { name: 'surveyed', kind: 'count', where: 'handled AND csat IS NOT NULL' },
  { name: 'csat_good', kind: 'count', where: 'handled AND csat IS NOT NULL AND csat >= 4' },
  { name: 'csat_n', kind: 'count', where: 'handled AND csat IS NOT NULL AND csat IS NOT NULL' },
  { name: 'csat_sum', kind: 'sum', value: 'csat', where: 'handled AND csat IS NOT NULL' },
  { name: 'csat_squares', kind: 'sum', value: 'csat * csat', where: 'handled AND csat IS NOT NULL' },
  { name: 'handled', kind: 'count', where: 'handled' },
  { name: 'resolved', kind: 'count', where: 'handled AND resolved' },
  { name: 'errors', kind: 'count', where: 'handled AND error' },
  {
    name: 'aht_n',
    kind: 'count',
    where: 'handled AND human_path AND handle_seconds IS NOT NULL AND handle_seconds IS NOT NULL',
  },
  {
    name: 'aht_sum',
    kind: 'sum',
    value: 'handle_seconds',
    where: 'handled AND human_path AND handle_seconds IS NOT NULL',
  },
  {
    name: 'aht_squares',
    kind: 'sum',
    value: 'handle_seconds * handle_seconds',
    where: 'handled AND human_path AND handle_seconds IS NOT NULL',
  },
  { name: 'asa_n', kind: 'count', where: 'offered AND NOT abandoned AND queue_seconds IS NOT NULL' },
  { name: 'asa_sum', kind: 'sum', value: 'queue_seconds', where: 'offered AND NOT abandoned' },
  {
    name: 'asa_squares',
    kind: 'sum',
    value: 'queue_seconds * queue_seconds',
    where: 'offered AND NOT abandoned',
  },
  {
    name: 'answered_in_time',
    kind: 'count',
    where: 'offered AND NOT abandoned AND coalesce(queue_seconds <= 20, false)',
  },
  {
    name: 'offered_less_short',
    kind: 'count',
    where: 'offered AND NOT (abandoned AND coalesce(queue_seconds <= 5, false))',
  },
  {
    name: 'abandoned_long',
    kind: 'count',
    where: 'offered AND abandoned AND NOT (abandoned AND coalesce(queue_seconds <= 5, false))',
  },
  { name: 'contained', kind: 'count', where: "path = 'bot' AND resolved" },
  { name: 'escalated', kind: 'count', where: "path = 'bot_to_human'" },
  { name: 'bot_paths', kind: 'count', where: "path IN ('bot', 'bot_to_human')" },
  { name: 'bot_errors', kind: 'count', where: "path = 'bot' AND error" },
  { name: 'bot_only', kind: 'count', where: "path = 'bot'" },
  { name: 'offers_accepted', kind: 'count', where: "offer = 'accepted'" },
  { name: 'offers', kind: 'count', where: "offer IN ('accepted', 'declined')" },
];

/** SQL text with its bound values written in, whitespace collapsed: to compare definitions. */
export function inlined(fragment: Sql): string {
  let i = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of fragment.text) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      const value = fragment.params[i++];
      out +=
        typeof value === 'string'
          ? `'${value.replaceAll("'", "''")}'`
          : value === null || value === undefined
            ? 'NULL'
            : String(value);
    } else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The kept part a plan's part is, if it is one. */
function rolledPart(part: AdditivePart): RolledPart | undefined {
  const where = inlined(part.where);
  const value = part.kind === 'sum' ? inlined(part.value) : undefined;
  return ROLLED_PARTS.find((p) => p.kind === part.kind && p.where === where && p.value === value);
}

/** The aggregate total of a kept part over contacts (the trigger's recompute). */
export function rolledAggregate(part: RolledPart): string {
  return part.kind === 'count'
    ? `count(*) FILTER (WHERE ${part.where})`
    : `sum(${part.value}) FILTER (WHERE ${part.where})`;
}

/** The flags a part reads, over interactions (as contacts-source defines them). */
export const ROLLUP_FLAGS = CONTACT_FLAGS.text;

type Item = { request: MetricRequest & { plan: AggregatePlan }; index: number };

/** Which requests the rollup answers: every part kept, and the scope's dimensions kept. */
export function rollupEligible(
  items: Item[],
  scope: Scope,
  dialect: Dialect,
): { rolled: Item[]; rest: Item[] } {
  const dims = new Set<string>(ROLLUP_DIMENSIONS);
  const scoped = [...scope.by, ...Object.keys(scope.filters)].every((d) => dims.has(d));
  const rolled: Item[] = [];
  const rest: Item[] = [];
  for (const item of items) {
    const form = item.request.plan.additive?.({ scope, params: item.request.params, dialect });
    const ok = scoped && form !== undefined && Object.values(form.parts).every((part) => rolledPart(part));
    (ok ? rolled : rest).push(item);
  }
  return { rolled, rest };
}

interface Range {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/**
 * The period split into whole UTC days inside it (and inside one bucket of a series),
 * read from the rollup, and the rest, read from the contacts; adjacent ranges merged.
 */
export function rollupRanges(scope: Scope): { days: Range[]; contacts: Range[] } {
  const windows = scope.grain
    ? buckets(scope.period, scope.zone, scope.grain).map((b) => ({
        start: instantMs(b.start),
        end: instantMs(b.end),
      }))
    : [{ start: instantMs(scope.period.start), end: instantMs(scope.period.end) }];
  const days: Range[] = [];
  const contacts: Range[] = [];
  const push = (list: Range[], range: Range) => {
    if (range.end <= range.start) return;
    const last = list.at(-1);
    if (last && last.end === range.start) last.end = range.end;
    else list.push({ ...range });
  };
  for (const w of windows) {
    const first = Math.ceil(w.start / DAY_MS) * DAY_MS;
    const last = Math.floor(w.end / DAY_MS) * DAY_MS;
    if (first >= last) {
      push(contacts, w);
      continue;
    }
    push(contacts, { start: w.start, end: first });
    push(days, { start: first, end: last });
    push(contacts, { start: last, end: w.end });
  }
  return { days, contacts };
}

/**
 * One statement for the rolled metrics: the kept parts of whole days from the rollup and
 * the same parts computed per contact for the edges, added up per group.
 */
export function compileRollup(items: Item[], scope: Scope, dialect: Dialect): CompiledQuery | null {
  const { days, contacts } = rollupRanges(scope);
  if (days.length === 0) return null;
  const ctx: PlanContext = { scope, params: {}, dialect };
  // Each kept part once, with a plan's SQL for it (the same definition, bound values and all).
  const used = new Map<string, { kept: RolledPart; part: AdditivePart }>();
  const forms = items.map(({ request, index }) => {
    const form = request.plan.additive?.({ scope, params: request.params, dialect });
    if (!form) throw new Error(`${request.metric} has no additive form`);
    const columns: Record<string, string> = {};
    for (const [name, part] of Object.entries(form.parts)) {
      const kept = rolledPart(part) as RolledPart;
      if (!used.has(kept.name)) used.set(kept.name, { kept, part });
      columns[name] = kept.name;
    }
    return { index, form, columns };
  });
  const kept = [...used.values()].map((u) => u.kept);
  const dims = raw(ROLLUP_DIMENSIONS.join(', '));
  const bucket = scope.grain ? sql`, ${bucketExpression(ctx, raw('started_at'))} AS bucket` : sql``;
  const instant = (ms: number) => dialect.instant(toInstant(ms));
  const within = (ranges: Range[], column: string) =>
    join(
      ranges.map((r) => sql`(${raw(column)} >= ${instant(r.start)} AND ${raw(column)} < ${instant(r.end)})`),
      ' OR ',
    );
  const fromDays = sql`SELECT ${dims}${bucket}, ${raw(kept.map((p) => p.name).join(', '))} FROM (
      SELECT vendor, workflow, site, channel, nullif(language, '') AS language, path, day_start AS started_at,
        ${raw(kept.map((p) => p.name).join(', '))}
      FROM ${raw(ROLLUP_TABLE)} WHERE tenant = ${scope.tenant} AND (${within(days, 'day_start')})) d
    WHERE true${contactFilters(scope)}`;
  const perContact = [...used.values()].map(({ kept, part }) => {
    const value =
      part.kind === 'sum'
        ? sql`CASE WHEN ${part.where} THEN ${part.value} END`
        : sql`CASE WHEN ${part.where} THEN 1 ELSE 0 END`;
    return sql`${value} AS ${raw(kept.name)}`;
  });
  const fromContacts =
    contacts.length === 0
      ? null
      : sql`SELECT ${dims}${scope.grain ? sql`, bucket` : sql``}, ${join(perContact)}
          FROM (${contactsSource(ctx)}) c WHERE ${within(contacts, 'started_at')}`;
  const union = fromContacts ? sql`${fromDays} UNION ALL ${fromContacts}` : fromDays;
  const columns: Sql[] = [];
  const names: { index: number; stat: string; column: string }[] = [];
  for (const { index, form, columns: partColumns } of forms) {
    const total = (part: string) => sql`sum(${raw(partColumns[part] as string)})`;
    for (const [stat, expression] of Object.entries(form.stats(total))) {
      const column = `m${index}_${stat}`;
      names.push({ index, stat, column });
      columns.push(sql`${expression} AS ${raw(column)}`);
    }
  }
  const statement = sql`SELECT ${groupSelect(scope)}${join(columns)} FROM (${union}) r${groupBy(scope)}`;
  return {
    statement,
    decode: decodeStats(ctx, items, names),
  };
}
