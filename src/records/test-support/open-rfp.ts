import type { Store } from '../../store/store.js';
import { templateSource } from '../rfp-template.js';
import { createRfp, type RfpRecord } from '../rfps.js';

/** An RFP from the default template, open for a day, for tests that submit responses. */
export async function openRfp(
  store: Store,
  tenant: string,
  id: string,
  vendors: string[],
  evaluators = ['coo@northwind.example'],
): Promise<RfpRecord> {
  const deadline = new Date(Date.now() + 86_400_000).toISOString();
  const source = await templateSource({
    id,
    title: `Test RFP ${id}`,
    client: tenant,
    deadline,
    issued: new Date().toISOString(),
  });
  return createRfp(
    store,
    tenant,
    { source, file: 'template', deadline, evaluators, vendors },
    { checkEvaluators: false },
  );
}
