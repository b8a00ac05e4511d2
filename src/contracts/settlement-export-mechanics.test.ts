import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatSettlement } from '../cli/format-settlement.js';
import { parseContract } from '../core/contract/parse-contract.js';
import { settlementHtml } from '../core/export/settlement-html.js';
import { mechanicsRows } from '../core/export/settlement-mechanics.js';
import type { ExportedSettlement } from '../core/export/settlement-rows.js';
import { applyMechanics } from '../core/settlement/mechanics/apply.js';
import type { PeriodRecord } from '../core/settlement/mechanics/types.js';
import { settle } from '../core/settlement/settle.js';
import type { Settlement } from '../core/settlement/types.js';
import type { SettlementReport } from './settle-contract.js';
import { settlementWorkbook } from './settlement-xlsx.js';

/** The mechanics in every reader of a settlement: the CLI table, the XLSX and the PDF's document. */
const SOURCE = `apiVersion: covenant/v1
kind: Contract
metadata: { name: pooled }
spec:
  client: acme
  vendor: vend
  currency: EUR
  term: { start: 2026-01-01, end: 2026-12-31 }
  timezone: Europe/Lisbon
  settlement: quarterly
  pricing: { base: { unit: handled_contact, rate: "2.00" }, atRisk: 10%, allocationPool: 120% }
  earnBack: { periods: 1 }
  chronicFailure: { misses: 2, within: 2 }
  portfolios:
    - id: all
      workflows: [general_inquiry]
      weight: 120%
      outcomes:
        - { metric: csat, weight: 100%, baseline: 0.8, target: 0.85,
            payout: { interpolate: linear, points: [ { at: 0.75, pay: -100% }, { at: 0.85, pay: 0% } ] } }
`;

function quarters(values: number[]): Settlement[] {
  const parsed = parseContract(SOURCE, 'pooled.yaml');
  if (!parsed.ok) throw new Error('invalid');
  const contract = parsed.value;
  const history: PeriodRecord[] = [];
  return values.map((value, i) => {
    const period = `2026-Q${i + 1}`;
    const base = settle({
      contract,
      period,
      baseUnits: '1000',
      measurements: [
        {
          portfolio: 'all',
          metric: 'csat',
          result: { value, n: 500, low: null, high: null, matured: true, maturesOn: null },
        },
      ],
    });
    const [part] = applyMechanics({ parts: [{ settlement: base, contract }], kind: 'final', history });
    history.push({
      period,
      parts: [part as Settlement],
      kind: 'final',
      settlementId: `pooled/${period}/final/1`,
    });
    return part as Settlement;
  });
}

const report = (part: Settlement): SettlementReport & ExportedSettlement => ({
  settlementId: `pooled/${part.period}/final/1`,
  contract: 'pooled',
  period: part.period,
  kind: 'final',
  invoice: part,
  parts: [part],
  reproduced: false,
});

describe('the mechanics in the settlement exports', () => {
  // Q1 misses (a penalty of 240 x -50% = -120.00), Q2 meets: the penalty comes back on Q2.
  const [q1, q2, q3] = quarters([0.8, 0.86, 0.7]);

  it('shows the earn-back line, the pool and the defaults in the CLI table', () => {
    const text = formatSettlement(report(q2 as Settlement), 'table');
    expect(text).toContain('Earn-back: all: CSAT (top-2-box) (penalty of 2026-Q1)');
    expect(text).toMatch(
      /earn-back\s+earn-back:all\/csat@2026-Q1\s+earn-back = 100% of the penalty charged in 2026-Q1 \(-120\.00\)/,
    );
    expect(text).toContain('allocation pool');
    expect(q2?.total).toBe('2120.00');
    expect(q1?.total).toBe('1880.00');
  });

  it('names the termination right where chronic failure gave it', () => {
    const rows = mechanicsRows(report(q3 as Settlement)).filter((r) => r.topic === 'chronic failure');
    expect(rows[0]?.detail).toContain('defaults: 2026-Q1, 2026-Q3');
    expect(rows[0]?.detail).not.toContain('TERMINATION RIGHT');
    expect(
      mechanicsRows(report(q2 as Settlement)).find((r) => r.topic === 'chronic failure')?.detail,
    ).toContain('1 default(s) within the last 2 periods');
  });

  it('adds a Mechanics sheet to the workbook and a section to the document, in the reader language', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await settlementWorkbook(report(q2 as Settlement))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Mechanics');
    const cells = (sheet?.getSheetValues() ?? []).flat().map(String);
    expect(cells).toContain('earn-back:all/csat@2026-Q1');
    const invoice = book.getWorksheet('Invoice')?.getSheetValues().flat().map(String) ?? [];
    expect(invoice).toContain('earn-back:all/csat@2026-Q1');
    const fr = settlementHtml(report(q2 as Settlement), 'fr');
    expect(fr).toContain('<h2>Mécanismes du contrat</h2>');
    expect(fr).toContain('earn-back:all/csat@2026-Q1');
    const plain = quarters([0.9])[0] as Settlement;
    const none = { ...plain, mechanics: undefined } as Settlement;
    expect(settlementHtml(report(none), 'en')).not.toContain('Contract mechanics');
  });
});
