import { checkExperiment, type ExperimentDefinition } from '../core/experiment/index.js';
import { saveExperiment } from '../evidence/experiment-store.js';
import type { Executor } from '../store/store.js';
import { STORY } from './story.js';

/**
 * Event 2 of the story as a joint experiment: BrightPath's coaching programme from
 * April at Lisbon against Coastline's sites, CSAT on the card-disputes portfolio's
 * workflows, 90 days before and after, in the contract's zone.
 */
export const COACHING_EXPERIMENT: ExperimentDefinition = (() => {
  const checked = checkExperiment({
    id: 'brightpath-coaching-2026',
    title: 'BrightPath video coaching programme at Lisbon (from April 2026)',
    metric: 'csat',
    treated: { vendor: ['brightpath'], site: ['lisbon'] },
    control: { vendor: ['coastline'] },
    where: { workflow: ['card_dispute', 'chargeback'] },
    start: '2026-04-01',
    pre: '90d',
    post: '90d',
    timezone: STORY.contractZone,
    contract: 'northwind-brightpath-2026',
  });
  if (!checked.ok) throw new Error(`the demo experiment is invalid: ${checked.issues[0]?.message}`);
  return checked.value;
})();

export async function registerDemoExperiments(tx: Executor, tenant: string): Promise<void> {
  await saveExperiment(tx, tenant, COACHING_EXPERIMENT);
}
