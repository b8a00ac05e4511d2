import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../core/export/csv.js';
import { settlementHtml } from '../core/export/settlement-html.js';
import type { ExportedSettlement } from '../core/export/settlement-rows.js';
import { LANGUAGES, MESSAGES } from '../core/i18n/index.js';
import { importFile } from '../ingest/import-file.js';
import { createApp } from '../server/app.js';
import { addUser } from '../server/auth/users.js';
import { serverDeps } from '../server/deps.js';
import { silentLogger } from '../server/logger.js';
import { TestClient } from '../server/test-client.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { INTERACTION_HEADER, interaction, tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';
import { readContractFile, storeVersion } from './contract-store.js';
import { SETTLED_TOTAL_LABEL, TOTAL_LABEL } from './settlement-xlsx.js';

/**
 * The finance exports of one settlement, through the real CLI and the API: a workbook and a
 * CSV whose totals equal the JSON invoice's, and a contract whose workflow and portfolio
 * names are spreadsheet formulas, which must arrive as inert text in every cell.
 */
const dir = tempDir();
const db = join(dir, 'export.duckdb');
const EVIL_WORKFLOW = '=HYPERLINK("http://evil.example","x")';
const EVIL_NAME = '=HYPERLINK("http://evil.example","pay me")';
const CONTRACT = `apiVersion: covenant/v1
kind: Contract
metadata:
  name: formula-test-2026
spec:
  client: acme
  vendor: brightpath
  currency: EUR
  term: { start: 2026-01-01, end: 2026-12-31 }
  timezone: UTC
  settlement: quarterly
  pricing:
    base: { unit: handled_contact, rate: "4.20" }
    atRisk: 10%
    bonusCap: 5%
    rounding: half_up
  portfolios:
    - id: evil
      displayName: '${EVIL_NAME}'
      workflows: ['${EVIL_WORKFLOW}', '@SUM(1+1)']
      weight: 100%
      minSample: 1
      outcomes:
        - metric: resolution_rate
          weight: 100%
          baseline: 0.5
          target: 0.6
          payout: { interpolate: linear, points: [ { at: 0.5, pay: -100% }, { at: 0.6, pay: 0% }, { at: 0.9, pay: 50% } ] }
`;
const ARGS = [
  'settle',
  'formula-test-2026',
  '--period',
  '2026-Q1',
  '--db',
  db,
  '--as-of',
  '2027-01-01T00:00:00Z',
];
let json: {
  invoice: { total: string; currency: string };
  parts: { lines: { id: string; amount: string }[] }[];
};

beforeAll(async () => {
  const lines = Array.from({ length: 37 }, (_, i) =>
    interaction(`i${i}`, {
      workflow: csvField(i % 3 === 0 ? '@SUM(1+1)' : EVIL_WORKFLOW),
      started_at: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00Z`,
      resolved: i % 4 === 0 ? 'false' : 'true',
    }),
  );
  const csv = writeText(dir, 'interactions.csv', [INTERACTION_HEADER, ...lines].join('\n'));
  const contract = writeText(dir, 'contract.yaml', CONTRACT);
  const store = await DuckDbStore.open(db);
  try {
    const summary = await importFile(store, 'interactions', csv, { tenant: 'default' });
    expect(summary.rejected).toBe(0);
    const input = await readContractFile(contract);
    await store.transaction((tx) => storeVersion(tx, 'default', { ...input, origin: 'test' }));
    await addUser(store, 'default', {
      email: 'cfo@acme.example',
      name: 'CFO',
      role: 'client_admin',
      organisation: 'default',
      password: 'a long test password',
    });
  } finally {
    await store.close();
  }
  const result = runCli([...ARGS, '--format', 'json']);
  expect(result.stderr).toBe('');
  json = JSON.parse(result.stdout);
}, 120_000);

const cellsOf = (sheet: ExcelJS.Worksheet) => {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
  return cells;
};

async function readWorkbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function expectInertWorkbook(book: ExcelJS.Workbook) {
  const texts = book.worksheets.flatMap(cellsOf).filter((cell) => typeof cell.value === 'string');
  expect(texts.some((cell) => String(cell.value).includes('HYPERLINK'))).toBe(true);
  for (const cell of texts) expect(String(cell.value)).not.toMatch(/^[=+\-@\t\r]/);
  // The only formula of the workbook is the one Covenant wrote: the invoice total.
  const formulas = book.worksheets.flatMap(cellsOf).filter((cell) => cell.type === ExcelJS.ValueType.Formula);
  expect(formulas.map((cell) => cell.formula)).toEqual([expect.stringMatching(/^SUM\(E\d+:E\d+\)$/)]);
}

function totalsOf(book: ExcelJS.Workbook) {
  const sheet = book.getWorksheet('Invoice');
  if (!sheet) throw new Error('no Invoice sheet');
  const rowOf = (label: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(3).value === label) found = row;
    });
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };
  const formula = rowOf(TOTAL_LABEL).getCell(5);
  const [, from, to] = /SUM\(E(\d+):E(\d+)\)/.exec(String(formula.formula)) ?? [];
  let summed = 0;
  for (let r = Number(from); r <= Number(to); r += 1) summed += Number(sheet.getRow(r).getCell(5).value);
  return {
    formulaResult: (formula.value as { result: number }).result,
    summed: Math.round(summed * 100) / 100,
    settled: rowOf(SETTLED_TOTAL_LABEL).getCell(5).value,
    numFmt: formula.numFmt,
    lineCount: Number(to) - Number(from) + 1,
  };
}

describe('covenant settle --format xlsx|csv', () => {
  it('writes a workbook whose total (formula and value) equals the JSON invoice, with every text cell inert', async () => {
    const file = join(dir, 'f.xlsx');
    const result = runCli([...ARGS, '--format', 'xlsx', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`total EUR ${json.invoice.total}`);
    const book = await readWorkbook(readFileSync(file));
    const totals = totalsOf(book);
    const total = Number(json.invoice.total);
    expect(total).not.toBe(0);
    expect(totals).toMatchObject({
      formulaResult: total,
      summed: total,
      settled: total,
      numFmt: '#,##0.00 "EUR"',
    });
    expect(totals.lineCount).toBe(json.parts.flatMap((p) => p.lines).length);
    expect(book.getWorksheet('Trace')?.rowCount).toBe(totals.lineCount + 1);
    expectInertWorkbook(book);
  });

  it('writes a CSV whose lines and total equal the JSON, with formula-like names inert', () => {
    const result = runCli([...ARGS, '--format', 'csv']);
    expect(result.code).toBe(0);
    const records = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const lines = json.parts.flatMap((p) => p.lines);
    expect(records.slice(0, -1).map((r) => [r.line, r.amount])).toEqual(lines.map((l) => [l.id, l.amount]));
    expect(records.at(-1)).toMatchObject({ line: 'total', amount: json.invoice.total });
    expect(result.stdout).toContain('HYPERLINK');
    for (const record of records)
      for (const value of Object.values(record)) {
        if (/^[+-]?\d+(\.\d+)?$/.test(value)) continue;
        expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
  });
});

describe('GET /api/contracts/{id}/settlement.xlsx|.csv', () => {
  let store: DuckDbStore;
  let client: TestClient;
  beforeAll(async () => {
    store = await DuckDbStore.open(db);
    client = new TestClient(createApp(serverDeps(store, { log: silentLogger })));
    expect((await client.login('cfo@acme.example', 'a long test password')).status).toBe(200);
  });
  afterAll(() => store.close());

  it('serves the same invoice as the JSON route, as a workbook and a CSV', async () => {
    const path = '/api/contracts/formula-test-2026/settlement';
    const api = await client.json<{ total: string }>('GET', `${path}?period=2026-Q1`);
    expect(api.body.total).toBe(json.invoice.total);
    const xlsx = await client.send('GET', `${path}.xlsx?period=2026-Q1`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('formula-test-2026-settlement-2026-Q1.xlsx');
    const book = await readWorkbook(Buffer.from(await xlsx.arrayBuffer()));
    expect(totalsOf(book).formulaResult).toBe(Number(json.invoice.total));
    expectInertWorkbook(book);
    const csv = await client.send('GET', `${path}.csv?period=2026-Q1`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((parse(await csv.text(), { columns: true }) as { amount: string }[]).at(-1)?.amount).toBe(
      json.invoice.total,
    );
    expect((await client.send('GET', '/api/contracts/nope/settlement.xlsx?period=2026-Q1')).status).toBe(404);
  });

  it('keeps each user’s language, with the tenant default behind it', async () => {
    const set = (path: string, language: string | null) =>
      client.send('PUT', path, { language }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect((await set('/api/me/language', 'pl')).body).toMatchObject({ language: 'pl', user: 'pl' });
    expect((await set('/api/me/language', 'xx')).status).toBe(400);
    expect((await set('/api/tenant/language', 'pt')).body).toMatchObject({
      language: 'pl',
      tenantDefault: 'pt',
    });
    expect((await set('/api/me/language', null)).body).toMatchObject({ language: 'pt', user: null });
  });
});

describe('the settlement document in every language', () => {
  it.each(LANGUAGES)('%s: every heading translated, money in the locale, no key left', (language) => {
    const html = settlementHtml(json as unknown as ExportedSettlement, language);
    expect(html).toContain(`<html lang="${language}">`);
    for (const key of ['settlement.invoice', 'settlement.trace', 'settlement.total'] as const)
      expect(html).toContain(MESSAGES[language][key]);
    expect(html).not.toMatch(/settlement\.[a-z]+|pdf\.(page|of)/);
    const total = new Intl.NumberFormat(
      { en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT', es: 'es-ES', de: 'de-DE', pl: 'pl-PL' }[language],
      {
        style: 'currency',
        currency: 'EUR',
        currencyDisplay: 'code',
      },
    ).format(Number(json.invoice.total));
    expect(html).toContain(total.replaceAll('\u00a0', '\u00a0'));
  });
});
