/** The Contract kind: contracts as code (contract-format.md, docs/contracts.md). */
export { contractDiff, type DiffEntry, formatDiff } from './diff.js';
export { contractJsonSchema } from './json-schema.js';
export { parseContract } from './parse-contract.js';
export { attainment, evaluatePayout, type PayoutEvaluation, percent, shiftCurve } from './payout.js';
export { type ContractInput, contractSchema } from './schema.js';
export type * from './types.js';
