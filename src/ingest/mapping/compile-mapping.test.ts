import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { join, raw, type Sql, sql } from '../../core/sql/fragment.js';
import { compileMapping } from './compile-mapping.js';
import { parseMapping } from './load-mapping.js';
import { memoryDb, rows, valuesTable } from './test-support/duckdb.js';
import type { CompiledMapping } from './types.js';

const HEADER = ['Ticket', 'opened', 'at', 'kind', 'Queue Name', 'tz'];

const MAPPING = `apiVersion: covenant/v1
kind: Mapping
metadata: { name: helpdesk }
spec:
  dataset: interactions
  timezone: Europe/Lisbon
  filter:
    - "kind != 'test'"
    - "not is_blank(ticket)"
  columns:
    interaction_id: ticket
    started_at: { date: opened, dateFormat: "%d/%m/%Y", time: at, timeFormat: "%I:%M %p" }
    closed_at: "opened || 'Z'"
    channel: { from: lower(kind), values: { call: voice, mail: email, "01": chat }, default: messaging }
    workflow: { from: "\`Queue Name\`", values: { A: billing, B: null } }
    vendor: { const: acme }
    site: { const: 7 }
    path: { const: human }
    abandoned: false
    resolved: "kind = 'call'"
`;

const resolve = (index: number) => raw(`"c${index + 1}"`);

function compiled(text = MAPPING, header = HEADER): CompiledMapping {
  const spec = parseMapping(text, 'helpdesk.yaml');
  if (!spec.ok) throw new Error(JSON.stringify(spec.issues));
  const result = compileMapping(spec.value, header, resolve);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('compileMapping', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await memoryDb();
  });

  async function run(mapping: CompiledMapping, data: (string | null)[][]) {
    const select: Sql[] = [...mapping.columns].map(([name, value]) => sql`${value} AS ${raw(`"${name}"`)}`);
    select.push(sql`${mapping.filter ?? raw('true')} AS keep`);
    return rows(db, sql`SELECT ${join(select)} FROM ${valuesTable(data, HEADER.length)}`);
  }

  it('lists the source columns it reads (matched case-insensitively) and the zones', () => {
    const mapping = compiled();
    expect(mapping).toMatchObject({ name: 'helpdesk', dataset: 'interactions' });
    expect(mapping.sourceColumns).toEqual(['Ticket', 'opened', 'at', 'kind', 'Queue Name']);
    expect([...mapping.zones]).toEqual([
      ['started_at', 'Europe/Lisbon'],
      ['closed_at', 'Europe/Lisbon'],
    ]);
    expect([...mapping.columns.keys()]).not.toContain('agent_id');
  });

  it('builds text values: value maps, constants, 12-hour times and booleans', async () => {
    const [row] = await run(compiled(), [['T1', '02/03/2026', '9:05 PM', 'CALL', 'A', null]]);
    expect(row).toEqual({
      interaction_id: 'T1',
      started_at: '2026-03-02 21:05:00',
      closed_at: '02/03/2026Z',
      channel: 'voice',
      workflow: 'billing',
      vendor: 'acme',
      site: '7',
      path: 'human',
      abandoned: 'false',
      resolved: 'false',
      keep: true,
    });
  });

  it('maps values exactly, passes unlisted ones through without a default and keeps blanks blank', async () => {
    const result = await run(compiled(), [
      ['T2', '31/12/2025', '12:00 AM', '01', 'B', null],
      ['T3', null, null, 'fax', 'Z', null],
      ['T4', '2025-12-31', '10:00', null, null, null],
    ]);
    expect(result.map((row) => [row.channel, row.workflow, row.started_at])).toEqual([
      ['chat', null, '2025-12-31 00:00:00'],
      ['messaging', 'Z', null],
      // Text that does not match the format passes through, for the importer to reject with its value.
      [null, null, '2025-12-31 10:00'],
    ]);
  });

  it('keeps a row only when every filter is true', async () => {
    const result = await run(compiled(), [
      ['T5', null, null, 'test', null, null],
      [' ', null, null, 'call', null, null],
      ['T6', null, null, null, null, null],
      ['T7', null, null, 'mail', null, null],
    ]);
    expect(result.map((row) => row.keep)).toEqual([false, false, false, true]);
  });

  it('names the source columns a file lacks, with what it has', () => {
    const spec = parseMapping(MAPPING, 'helpdesk.yaml');
    if (!spec.ok) throw new Error('invalid');
    const result = compileMapping(spec.value, ['ticket', 'Opened', 'kind', 'kind'], resolve);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      ['unknown_source_column', 12, 63, 'the file has no column at; it has ticket, Opened, kind, kind'],
      ['ambiguous_source_column', 14, 28, 'the file has 2 columns named kind (columns 3, 4)'],
      [
        'unknown_source_column',
        15,
        24,
        'the file has no column Queue Name; it has ticket, Opened, kind, kind',
      ],
      ['ambiguous_source_column', 20, 16, 'the file has 2 columns named kind (columns 3, 4)'],
      ['ambiguous_source_column', 8, 8, 'the file has 2 columns named kind (columns 3, 4)'],
    ]);
    expect(result.issues[0]?.path).toEqual(['spec', 'columns', 'started_at', 'time']);
  });

  it('suggests quoting when a bare word was meant as text', () => {
    const text = MAPPING.replace('path: { const: human }', 'path: human');
    const spec = parseMapping(text, 'helpdesk.yaml');
    if (!spec.ok) throw new Error('invalid');
    const result = compileMapping(spec.value, HEADER, resolve);
    expect(!result.ok && result.issues[0]?.message).toBe(
      "the file has no column human; it has Ticket, opened, at, kind, `Queue Name`, tz (for the text human write '...' in quotes or { const: ... })",
    );
  });
});
