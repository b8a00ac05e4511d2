import { describe, expect, it } from 'vitest';
import { UserError } from '../core/issues.js';
import {
  INTERACTION_HEADER,
  interaction,
  memoryStore,
  rows,
  tempDir,
  writeText,
} from '../test-support/fixtures.js';
import { importFile } from './import-file.js';

const dir = tempDir();
const opts = { tenant: 'default' };

describe('importing a CSV with good and bad rows', () => {
  const file = writeText(
    dir,
    'mixed.csv',
    [
      `${INTERACTION_HEADER},note`,
      `${interaction('i1')},"kept, aside"`,
      `${interaction('i2', { channel: 'fax', csat: '7' })},x`,
      `${interaction('i3', { started_at: '2026-03-02 09:17:00' })},"two`,
      'lines"',
      `${interaction('i4', { closed_at: '2026-03-01T00:00:00Z', revenue: '1.123456' })},y`,
      `${interaction('i5', { revenue: '12.50', offer: 'accepted', error: 'yes' })},z`,
    ].join('\n'),
  );

  it('keeps the good rows, rejects the bad with line, column and reason, and counts read = accepted + rejected', async () => {
    const store = await memoryStore();
    const summary = await importFile(store, 'interactions', file, opts);
    expect(summary).toMatchObject({ read: 5, accepted: 2, rejected: 3, replaced: 0, inserted: 2 });
    expect(summary.accepted + summary.rejected).toBe(summary.read);
    expect(summary.extraColumns).toEqual(['note']);
    const rejects = await rows(
      store,
      'SELECT line, "column", value, reason FROM import_rejects ORDER BY reject_no',
    );
    expect(rejects).toEqual([
      { line: 3, column: 'channel', value: 'fax', reason: 'expected one of voice, chat, email, messaging' },
      { line: 3, column: 'csat', value: '7', reason: 'expected a whole number from 1 to 5' },
      expect.objectContaining({
        line: 4,
        column: 'started_at',
        reason: expect.stringContaining('no UTC offset'),
      }),
      // line 6, not 5: the record before it spans two lines.
      expect.objectContaining({
        line: 6,
        column: 'closed_at',
        reason: expect.stringContaining('before started_at'),
      }),
      expect.objectContaining({ line: 6, column: 'revenue', value: '1.123456' }),
    ]);
    const stored = await rows(
      store,
      'SELECT interaction_id, revenue, offer, error, extra FROM interactions ORDER BY interaction_id',
    );
    expect(stored).toEqual([
      {
        interaction_id: 'i1',
        revenue: '0.0000',
        offer: 'none',
        error: false,
        extra: '{"note":"kept, aside"}',
      },
      { interaction_id: 'i5', revenue: '12.5000', offer: 'accepted', error: true, extra: '{"note":"z"}' },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const store = await memoryStore();
    await importFile(store, 'interactions', file, opts);
    const before = await rows(store, 'SELECT * FROM interactions ORDER BY interaction_id');
    const again = await importFile(store, 'interactions', file, opts);
    expect(again).toMatchObject({ read: 5, accepted: 2, replaced: 0, inserted: 0, unchanged: 2 });
    expect(await rows(store, 'SELECT * FROM interactions ORDER BY interaction_id')).toEqual(before);
  });
});

describe('replacing and duplicates', () => {
  it('replaces a stored row whose id comes back with other values, counting it as replaced', async () => {
    const store = await memoryStore();
    const first = writeText(
      dir,
      'v1.csv',
      [INTERACTION_HEADER, interaction('r1'), interaction('r2')].join('\n'),
    );
    const second = writeText(
      dir,
      'v2.csv',
      [INTERACTION_HEADER, interaction('r1', { csat: '2' }), interaction('r2'), interaction('r3')].join('\n'),
    );
    await importFile(store, 'interactions', first, opts);
    const summary = await importFile(store, 'interactions', second, opts);
    expect(summary).toMatchObject({ read: 3, accepted: 3, replaced: 1, inserted: 2, unchanged: 1 });
    expect(await rows(store, 'SELECT interaction_id, csat FROM interactions ORDER BY 1')).toEqual([
      { interaction_id: 'r1', csat: 2 },
      { interaction_id: 'r2', csat: 5 },
      { interaction_id: 'r3', csat: 5 },
    ]);
  });

  it('rejects both rows of an id repeated in one file, each naming the other line', async () => {
    const store = await memoryStore();
    const file = writeText(
      dir,
      'dup.csv',
      [INTERACTION_HEADER, interaction('d1'), interaction('d2'), interaction('d1', { csat: '1' })].join(
        '\r\n',
      ),
    );
    const summary = await importFile(store, 'interactions', file, opts);
    expect(summary).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(summary.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'the same interaction_id appears more than once in this file (also line 4)'],
      [4, 'the same interaction_id appears more than once in this file (also line 2)'],
    ]);
  });

  it('keeps tenants apart: the same id in two tenants is two rows', async () => {
    const store = await memoryStore();
    const file = writeText(dir, 't.csv', [INTERACTION_HEADER, interaction('x1')].join('\n'));
    await importFile(store, 'interactions', file, { tenant: 'northwind' });
    await importFile(store, 'interactions', file, { tenant: 'southwind' });
    expect(await rows(store, 'SELECT tenant FROM interactions ORDER BY tenant')).toEqual([
      { tenant: 'northwind' },
      { tenant: 'southwind' },
    ]);
  });
});

describe('files that are not the format', () => {
  const refuse = async (name: string, content: string | Buffer, message: RegExp) => {
    const store = await memoryStore();
    const file = writeText(dir, name, content as string);
    await expect(importFile(store, 'interactions', file, opts)).rejects.toThrow(message);
    await expect(importFile(store, 'interactions', file, opts)).rejects.toBeInstanceOf(UserError);
    expect(await rows(store, 'SELECT count(*) AS n FROM import_batches')).toEqual([{ n: 0 }]);
  };

  it('refuses a wrong header naming the missing columns', () =>
    refuse('wrong.csv', 'id,when\n1,2\n', /missing required columns interaction_id, started_at/));
  it('refuses an empty file', () => refuse('empty.csv', '', /empty/));
  it('refuses binary content', () =>
    refuse('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), /binary/));
  it('refuses an unknown extension', () => refuse('data.xls', 'x', /unknown file type/));
  it('refuses an .xlsx that is not a workbook', () => refuse('data.xlsx', 'x', /not an XLSX workbook/));
});

describe('spreadsheet exports and time zones', () => {
  it('reads a BOM, CRLF and quoted commas; local times with --timezone', async () => {
    const store = await memoryStore();
    const lines = [
      INTERACTION_HEADER,
      interaction('z1', { started_at: '2026-07-01 10:00:00', workflow: '"a,b"' }),
      interaction('z2', { started_at: '2026-01-15T10:00' }),
    ];
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    const file = writeText(dir, 'bom.csv', text);
    const summary = await importFile(store, 'interactions', file, {
      tenant: 'default',
      timezone: 'Europe/Lisbon',
    });
    expect(summary).toMatchObject({ read: 2, accepted: 2 });
    // Lisbon is UTC+1 in summer and UTC+0 in winter.
    expect(await rows(store, 'SELECT workflow, started_at FROM interactions ORDER BY 1')).toEqual([
      { workflow: 'a,b', started_at: '2026-07-01T09:00:00Z' },
      { workflow: 'card_dispute', started_at: '2026-01-15T10:00:00Z' },
    ]);
  });
});
