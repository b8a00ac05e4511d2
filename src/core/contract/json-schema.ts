import { z } from 'zod';
import { contractSchema } from './schema.js';

/**
 * The JSON Schema of a Contract file, for editors (`covenant contract schema`), generated
 * from the schema the parser validates with, so the two cannot drift. It describes the
 * input as written (12%, 7d, "4.20"); cross-field rules (weights, curves) are the parser's.
 */
export function contractJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(contractSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return {
    ...schema,
    // The file's own name (schemas/contract.schema.json): a relative $id resolves to where it was read.
    $id: 'contract.schema.json',
    title: 'Covenant Contract (covenant/v1)',
  };
}
