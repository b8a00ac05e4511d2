import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import {
  INTERACTION_HEADER,
  interaction,
  memoryStore,
  tempDir,
  writeText,
} from '../test-support/fixtures.js';
import { importFile } from './import-file.js';
import { parseMapping } from './mapping/load-mapping.js';
import { mappingFactory } from './mapping-hook.js';
import type { ReadOptions } from './read-options.js';

/**
 * One export four ways: UTF-8 CSV, a European CSV (a title line above the header,
 * semicolons, Windows-1252, decimal commas), UTF-16 with a BOM, and an XLSX workbook
 * whose data sit on the second sheet. Through the same mapping they import as the same rows.
 */
const MAPPING = (read: string) => `apiVersion: covenant/v1
kind: Mapping
metadata: { name: euro-export }
spec:
  dataset: interactions
  timezone: Europe/Lisbon
${read}  columns:
    interaction_id: Ticket
    started_at: Início
    channel: lower(Canal)
    workflow: Motivo
    vendor: { const: brightpath }
    site: { const: lisbon }
    path: { const: human }
    handle_seconds: "number(Duração) * 60"
    queue_seconds: Espera
    abandoned: "Estado = 'Abandonado'"
    resolved: "Estado = 'Resolvido'"
    revenue: Receita
`;

const HEADER = ['Ticket', 'Início', 'Canal', 'Motivo', 'Duração', 'Espera', 'Estado', 'Receita'];
const ROWS = [
  ['T-1', '2026-03-02 09:15:00', 'Voice', 'Reclamação “cartão”', '4.5', '12', 'Resolvido', '10.50'],
  ['T-2', '2026-03-02 10:00:00', 'Chat', 'Preço € alterado', '0.25', '3.5', 'Abandonado', '0'],
  ['T-3', '2026-03-03 11:30:00', 'Voice', 'Façade; "quoted"', '12', '0', 'Pendente', '1234.75'],
];

const csvLine = (cells: string[], delimiter: string) =>
  cells.map((c) => (/[";,\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);

/** Windows-1252: Latin-1 for most characters, and its own bytes for € “ ” (0x80-0x9F). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94 };
  return Buffer.from(
    [...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)),
  );
}

const comma = (cell: string, index: number) =>
  index === 4 || index === 5 || index === 7 ? cell.replace('.', ',') : cell;

async function importRows(file: string, readYaml: string, read: ReadOptions = {}) {
  const spec = parseMapping(MAPPING(readYaml), 'euro.yaml');
  if (!spec.ok) throw new Error(JSON.stringify(spec.issues));
  const store = await memoryStore();
  const summary = await importFile(store, 'interactions', file, {
    tenant: 'default',
    mapping: mappingFactory(spec.value, 'euro.yaml'),
    read,
  });
  expect(summary.rejected, JSON.stringify(summary.rejects)).toBe(0);
  // Every column but the batch: the rows themselves, extra columns included.
  const rows = await store.query(
    raw('SELECT * EXCLUDE (batch_id) FROM interactions ORDER BY interaction_id'),
  );
  await store.close();
  return rows;
}

describe('imports of real exports: delimiter, encoding, decimal, header row, sheet', async () => {
  const dir = tempDir();
  const twin = writeText(dir, 'utf8.csv', `${[HEADER, ...ROWS].map((r) => csvLine(r, ',')).join('\n')}\n`);
  const expected = await importRows(twin, '');

  it('the UTF-8 twin imports every row with its accents and decimals', () => {
    expect(expected).toHaveLength(3);
    expect(expected[0]).toMatchObject({
      workflow: 'Reclamação “cartão”',
      handle_seconds: 270,
      queue_seconds: 12,
    });
    expect(expected[1]).toMatchObject({
      workflow: 'Preço € alterado',
      queue_seconds: 3.5,
      revenue: '0.0000',
    });
    expect(expected[2]).toMatchObject({ workflow: 'Façade; "quoted"', revenue: '1234.7500' });
  });

  it('a semicolon, Windows-1252, decimal-comma CSV with a title line gives the same rows (options in the mapping)', async () => {
    const text = [
      'Relatório de contactos — março',
      ...[HEADER, ...ROWS.map((r) => r.map(comma))].map((r) => csvLine(r, ';')),
    ]
      .join('\r\n')
      .replace('—', '-');
    const file = join(dir, 'euro.csv');
    writeFileSync(file, windows1252(`${text}\r\n`));
    const read = '  read: { delimiter: ";", encoding: windows-1252, decimal: ",", header: 2 }\n';
    expect(await importRows(file, read)).toEqual(expected);
  });

  it('the same options given on the command line (over a mapping without them) give the same rows', async () => {
    const text = [HEADER, ...ROWS.map((r) => r.map(comma))].map((r) => csvLine(r, ';')).join('\n');
    const file = join(dir, 'euro-flags.csv');
    writeFileSync(file, windows1252(`${text}\n`));
    const flags: ReadOptions = { delimiter: ';', encoding: 'windows-1252', decimal: ',' };
    expect(await importRows(file, '', flags)).toEqual(expected);
  });

  it('UTF-16 with a byte-order mark gives the same rows', async () => {
    const text = `${[HEADER, ...ROWS].map((r) => csvLine(r, '\t')).join('\n')}\n`;
    const file = join(dir, 'utf16.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await importRows(file, '', { encoding: 'utf-16', delimiter: '\\t' })).toEqual(expected);
  });

  it('an XLSX workbook (typed number cells, data on a named sheet under a title row) gives the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['not this sheet']);
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Contact export, March 2026']);
    sheet.addRow(HEADER);
    for (const row of ROWS) {
      sheet.addRow(row.map((cell, i) => (i === 4 || i === 5 || i === 7 ? Number(cell) : cell)));
    }
    const file = join(dir, 'export.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await importRows(file, '', { sheet: 'Contacts', header: 2 })).toEqual(expected);
    await expect(importRows(file, '', { sheet: 'Nope' })).rejects.toThrow(
      /no sheet Nope; the workbook has Summary, Contacts/,
    );
  });

  it('reports a reject at its line in the original file, title lines counted', async () => {
    const bad = ROWS.map((r) => r.map(comma));
    (bad[1] as string[])[5] = 'lots';
    const text = ['Relatório', '', ...[HEADER, ...bad].map((r) => csvLine(r, ';'))].join('\n');
    const file = join(dir, 'euro-bad.csv');
    writeFileSync(file, windows1252(`${text}\n`));
    const spec = parseMapping(MAPPING(''), 'euro.yaml');
    if (!spec.ok) throw new Error('mapping');
    const store = await memoryStore();
    const summary = await importFile(store, 'interactions', file, {
      tenant: 'default',
      mapping: mappingFactory(spec.value, 'euro.yaml'),
      read: { delimiter: ';', encoding: 'windows-1252', decimal: ',', header: 3 },
    });
    await store.close();
    // Line 1 the title, 2 blank, 3 the header, 4 T-1, 5 T-2 (the bad wait).
    expect(summary).toMatchObject({ accepted: 2, rejected: 1 });
    expect(summary.rejects[0]).toMatchObject({ line: 5, column: 'queue_seconds', value: 'lots' });
  });

  it('ISO-8859-2 (Central European) text decodes to the same characters, without a mapping', async () => {
    const latin2: Record<string, number> = { ł: 0xb3, ą: 0xb1, ę: 0xea, ż: 0xbf, ó: 0xf3 };
    const text = `${INTERACTION_HEADER}\n${interaction('T-9', { workflow: 'reklamacja łącze żółty' })}\n`;
    const file = join(dir, 'latin2.csv');
    writeFileSync(file, Buffer.from([...text].map((ch) => latin2[ch] ?? ch.charCodeAt(0))));
    const store = await memoryStore();
    const summary = await importFile(store, 'interactions', file, {
      tenant: 'default',
      read: { encoding: 'iso-8859-2' },
    });
    expect(summary).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await store.query(raw('SELECT workflow FROM interactions'))).toEqual([
      { workflow: 'reklamacja łącze żółty' },
    ]);
    await store.close();
  });
});
