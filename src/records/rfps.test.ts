import { describe, expect, it } from 'vitest';
import { LateSubmission } from '../core/rfp/setup.js';
import { DEMO_RFP, loadDemoRfp } from '../demo/demo-rfp.js';
import { scoreRfpFiles } from '../renewal/rfp-files.js';
import { memoryStore } from '../test-support/fixtures.js';
import { listAudit, verifyAudit } from './audit.js';
import { compareStoredRfp } from './rfp-comparison.js';
import { listResponses, submitResponse } from './rfp-responses.js';
import { listScores } from './rfp-scores.js';
import { getRfp, listRfps } from './rfps.js';

/** The demo RFP loaded into a store ranks as the files do; a vendor's filter; late responses; the audit chain. */
describe('stored RFPs', () => {
  it('loads the demo RFP and ranks it exactly as `rfp score` on the files', async () => {
    const store = await memoryStore();
    await loadDemoRfp(store, 'northwind');
    await loadDemoRfp(store, 'northwind'); // again: kept as it is
    const record = await getRfp(store, 'northwind', 'northwind-support-2027');
    expect(record.deadline).toBe('2026-12-04T17:00:00.000Z');
    expect(record.vendors).toEqual(DEMO_RFP.vendors);
    const stored = await compareStoredRfp(store, 'northwind', record);
    const { evaluation } = await scoreRfpFiles({
      rfp: 'rfp/default-rfp.yaml',
      responses: 'rfp/demo/responses',
    });
    expect(stored.ranking.order).toEqual(['brightpath', 'coastline', 'harbourline']);
    expect(stored.ranking).toEqual({
      ...evaluation.ranking,
      evaluatorWinners: evaluation.ranking.evaluatorWinners.map((w, i) => ({
        ...w,
        evaluator: Object.values(DEMO_RFP.evaluators)[i],
      })),
    });
    expect(stored.vendors.map((v) => v.total)).toEqual(evaluation.vendors.map((v) => v.total));
    expect(stored.agreement.raw).toEqual(evaluation.agreement.raw);
    expect(stored.sensitivity.tightest).toEqual(evaluation.sensitivity.tightest);
    expect(stored.vendors.flatMap((v) => v.evidence.filter((e) => e.attached === false))).toEqual([]);
    expect(stored.scoring.every((s) => s.complete && s.required === 45)).toBe(true);
    expect(stored.issues).toEqual(evaluation.issues.filter((i) => i.code !== 'missing_attachment'));

    // A vendor sees only RFPs it is invited to, and only its own response.
    expect(await listRfps(store, 'northwind', 'coastline')).toHaveLength(1);
    expect(await listRfps(store, 'northwind', 'oceanic')).toHaveLength(0);
    expect((await listResponses(store, 'northwind', record.id, 'coastline')).map((r) => r.vendor)).toEqual([
      'coastline',
    ]);
    expect(await listScores(store, 'northwind', record.id)).toHaveLength(90);

    // After the deadline a response is refused, naming the deadline; nothing is stored.
    const [own] = await listResponses(store, 'northwind', record.id, 'coastline');
    const late = submitResponse(store, 'northwind', record, {
      response: own!.response,
      source: 'late',
      attachments: [],
      warnings: [],
      submittedBy: 'ops@coastline.example',
      at: '2026-12-04T17:00:00.000Z',
    });
    await expect(late).rejects.toBeInstanceOf(LateSubmission);
    await expect(late).rejects.toThrow('2026-12-04T17:00:00.000Z');

    const audit = await listAudit(store, 'northwind');
    expect(audit.map((a) => a.action)).toEqual([
      'rfp.create',
      ...Array(3).fill('rfp.response'),
      ...Array(6).fill('rfp.score'),
    ]);
    expect(await verifyAudit(store, 'northwind')).toEqual({ ok: true, entries: 10 });
  });
});
