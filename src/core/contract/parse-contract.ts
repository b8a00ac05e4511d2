import type { Result } from '../issues.js';
import { finishDocument, readDocument } from '../yaml/document.js';
import { checkContract } from './checks.js';
import { normalise } from './normalise.js';
import { contractSchema } from './schema.js';
import type { Contract } from './types.js';

/**
 * Parses a Contract file (contract-format.md): every problem of the file at once, each
 * with file:line:column and what was expected; warnings (e.g. a target the curve does not
 * pay 0 at) ride along with a valid contract.
 */
export function parseContract(text: string, file: string): Result<Contract> {
  const doc = readDocument(text, file, contractSchema, 'Contract');
  if (!doc.ok) return doc;
  const { data, yaml, warn } = doc.value;
  checkContract(yaml.rep, warn, yaml.js);
  // Normalising reads the catalog and the checked values: only a contract without issues gets there.
  return finishDocument(doc.value, data === null || yaml.rep.issues.length > 0 ? null : normalise(data));
}
