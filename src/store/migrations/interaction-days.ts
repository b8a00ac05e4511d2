import { ROLLED_PARTS, ROLLUP_FLAGS, ROLLUP_TABLE, rolledAggregate } from '../../core/metric/rollup.js';
import type { Dialect } from '../../core/sql/dialect.js';
import { policiesWith, SESSION_VENDOR } from './row-security.js';

/**
 * Migration 4 (stores with `dailyRollups`, i.e. PostgreSQL): the per-day rollup of the
 * additive contact metrics (core/metric/rollup.ts), kept current by statement triggers on
 * interactions: whatever a statement inserts, deletes or updates, the (tenant, vendor,
 * UTC day) groups it touched are computed again from the contacts, in the same
 * transaction, so an import commits its rollup with its rows, or neither. Recomputing
 * (not adding and subtracting) keeps the sums exact. In a vendor's session the groups
 * touched are the vendor's own (row-level security), and so are the rows recomputed.
 *
 * Also the time index every contact query's range uses (tenant, started_at).
 */
const day = (column: string) => `(date_trunc('day', ${column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;
const KEY = ['tenant', 'day_start', 'vendor', 'workflow', 'site', 'channel', 'language', 'path'];

const GROUP =
  "c.tenant, c.day_start, c.vendor, c.workflow, c.site, c.channel, coalesce(c.language, ''), c.path";

/** The rollup rows of the contacts `source` yields (a FROM item over interactions' columns). */
const aggregate = (
  source: string,
) => `INSERT INTO ${ROLLUP_TABLE} (${KEY.join(', ')}, ${ROLLED_PARTS.map((p) => p.name).join(', ')})
  SELECT ${GROUP},
    ${ROLLED_PARTS.map(rolledAggregate).join(',\n    ')}
  FROM (SELECT i.*, ${day('i.started_at')} AS day_start, ${ROLLUP_FLAGS} FROM ${source}) c
  GROUP BY ${GROUP}`;

/**
 * The trigger body: the (tenant, vendor, UTC day) groups the statement touched lose their
 * rollup rows and get them again from the contacts. An insert whose groups had none (a
 * first load, a new day) reads only the inserted rows: every contact of those groups is
 * among them.
 */
function refresh(changed: string, inserted?: string): string {
  const touched = `SELECT DISTINCT tenant, vendor, ${day('started_at')} AS day_start FROM (${changed}) x`;
  const recompute = aggregate(`interactions i
        WHERE (i.tenant, i.vendor, ${day('i.started_at')}) IN (${touched})
          AND i.started_at >= (SELECT min(${day('started_at')}) FROM (${changed}) x)
          AND i.started_at < (SELECT max(${day('started_at')}) FROM (${changed}) x) + interval '1 day'`);
  const body = inserted
    ? `IF had = 0 THEN
    ${aggregate(`${inserted} i`)};
  ELSE
    ${recompute};
  END IF;`
    : `${recompute};`;
  return `DECLARE had bigint;
BEGIN
  DELETE FROM ${ROLLUP_TABLE} d USING (${touched}) t
    WHERE d.tenant = t.tenant AND d.vendor = t.vendor AND d.day_start = t.day_start;
  GET DIAGNOSTICS had = ROW_COUNT;
  ${body}
  RETURN NULL;
END`;
}

const TRIGGERS: { event: string; name: string; referencing: string; changed: string; inserted?: string }[] = [
  {
    event: 'INSERT',
    name: 'inserted',
    referencing: 'NEW TABLE AS new_rows',
    changed: 'SELECT tenant, vendor, started_at FROM new_rows',
  },
  {
    event: 'DELETE',
    name: 'deleted',
    referencing: 'OLD TABLE AS old_rows',
    changed: 'SELECT tenant, vendor, started_at FROM old_rows',
  },
  {
    event: 'UPDATE',
    name: 'updated',
    referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    changed:
      'SELECT tenant, vendor, started_at FROM old_rows UNION ALL SELECT tenant, vendor, started_at FROM new_rows',
  },
];

export function interactionDaysStatements(dialect: Dialect): string[] {
  if (!dialect.dailyRollups) return [];
  const text = dialect.columnType({ kind: 'string' });
  const columns = [
    ...KEY.map((k) => `${k} ${k === 'day_start' ? 'TIMESTAMPTZ' : text} NOT NULL`),
    ...ROLLED_PARTS.map((p) => `${p.name} ${p.kind === 'count' ? 'BIGINT' : 'DOUBLE PRECISION'}`),
    `PRIMARY KEY (${KEY.join(', ')})`,
  ];
  return [
    ...dialect.bulkIndex('interactions_started_at', 'interactions', ['tenant', 'started_at']),
    `CREATE TABLE ${ROLLUP_TABLE} (\n  ${columns.join(',\n  ')}\n)`,
    ...TRIGGERS.flatMap((t) => [
      `CREATE FUNCTION covenant_interaction_days_${t.name}() RETURNS trigger LANGUAGE plpgsql AS $body$\n${refresh(t.changed, t.inserted)}\n$body$`,
      `CREATE TRIGGER interaction_days_${t.name} AFTER ${t.event} ON interactions REFERENCING ${t.referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION covenant_interaction_days_${t.name}()`,
    ]),
    // Contacts imported before this migration.
    aggregate('interactions i'),
    ...dialect.rowSecurity(ROLLUP_TABLE, policiesWith(`vendor = ${SESSION_VENDOR}`)),
  ];
}
