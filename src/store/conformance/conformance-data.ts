import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetName } from '../../core/dataset/types.js';
import { importFile } from '../../ingest/import-file.js';
import { CUSTOMERS, interactionsCsv, MARCH } from '../../query/test-data.js';
import {
  contractDataCsv,
  OPERATIONS_DATA,
  qaReviewsCsv,
  qaUnitsCsv,
  SECURITY_DATA,
} from '../../test-support/metric-data.js';
import type { Store } from '../store.js';

/**
 * The hand-built data of the metric tests, one tenant per set (their agents differ):
 * loaded through the real importer into every store the suite runs against.
 */
export const TENANTS = {
  contacts: 'contacts',
  qa: 'qa',
  operations: 'operations',
  security: 'security',
  contract: 'northwind',
} as const;

const files = (data: Partial<Record<DatasetName, string[]>>) =>
  Object.entries(data).map(([dataset, lines]) => ({
    dataset: dataset as DatasetName,
    text: `${(lines ?? []).join('\n')}\n`,
  }));

export async function loadConformanceData(store: Store, dir: string): Promise<void> {
  const contract = contractDataCsv();
  const sets: { tenant: string; files: { dataset: DatasetName; text: string }[] }[] = [
    {
      tenant: TENANTS.contacts,
      files: [
        { dataset: 'interactions', text: interactionsCsv(MARCH) },
        { dataset: 'customers', text: CUSTOMERS },
      ],
    },
    {
      tenant: TENANTS.qa,
      files: [
        { dataset: 'interactions', text: qaUnitsCsv() },
        { dataset: 'qa_reviews', text: qaReviewsCsv() },
      ],
    },
    { tenant: TENANTS.operations, files: files(OPERATIONS_DATA) },
    { tenant: TENANTS.security, files: files(SECURITY_DATA) },
    {
      tenant: TENANTS.contract,
      files: [
        { dataset: 'interactions', text: contract.interactions },
        { dataset: 'customers', text: contract.customers },
      ],
    },
  ];
  for (const set of sets) {
    for (const { dataset, text } of set.files) {
      const file = join(dir, `${set.tenant}-${dataset}.csv`);
      writeFileSync(file, text);
      const summary = await importFile(store, dataset, file, { tenant: set.tenant });
      if (summary.rejected > 0)
        throw new Error(`${set.tenant} ${dataset}: ${summary.rejected} rows rejected`);
    }
  }
}
