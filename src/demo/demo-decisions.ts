import { decideProposal } from '../contracts/proposal-store.js';
import { recalibrate } from '../contracts/recalibrate.js';
import { UserError } from '../core/issues.js';
import type { Store } from '../store/store.js';

/** The parties' decisions in the story (demo-scenario.md, event 1), on Q3's last evening (Lisbon midnight is 23:00Z). */
const PROPOSED_AT = '2026-09-30T19:00:00Z';
const CLIENT_AT = '2026-09-30T20:00:00Z';
const VENDOR_AT = '2026-09-30T21:00:00Z';

/** Whose proposals both parties approve; the others await the vendor. */
const STORY: { contract: string; vendorApproves: boolean }[] = [
  { contract: 'northwind-brightpath-2026', vendorApproves: true },
  { contract: 'northwind-coastline-2026', vendorApproves: false },
];

/**
 * The Q3 recalibration of the story: the July chatbot fires the triggers; BrightPath's
 * proposal is approved by both parties, effective 2026-10-01 (so its Q4 settles on
 * version 2); Coastline's is approved by the client and awaits Coastline. Played through
 * the same recalibration and approval code as `covenant recalibrate` and `proposal approve`.
 */
export async function playDemoDecisions(store: Store, tenant: string): Promise<string[]> {
  const made: string[] = [];
  for (const { contract, vendorApproves } of STORY) {
    try {
      const report = await recalibrate(store, tenant, contract, {
        period: '2026-Q3',
        effective: '2026-10-01',
        asOf: PROPOSED_AT,
      });
      const id = report.proposal?.id;
      if (!id || report.outcome !== 'proposed') continue;
      await decideProposal(store, tenant, id, 'client', 'approve', CLIENT_AT);
      if (vendorApproves) await decideProposal(store, tenant, id, 'vendor', 'approve', VENDOR_AT);
      made.push(id);
    } catch (error) {
      // At a tiny --scale the mix-adjusted targets can leave their range (a negative error
      // rate): the terms do not validate, no version is made, and the demo still loads.
      if (!(error instanceof UserError)) throw error;
    }
  }
  return made;
}
