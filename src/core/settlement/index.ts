/** Settlement by rule: contract version + measurements -> invoice lines with their trace (pure). */
export { settle } from './settle.js';
export { type CombinedInvoice, combineParts, type TrueUp, trueUp } from './true-up.js';
export type * from './types.js';
