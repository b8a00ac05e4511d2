/**
 * Parsing the RFP kinds (docs/rfp.md) as contracts are parsed: YAML with positions, the
 * schema's issues at their nodes, then the meaning across fields and files (weights that
 * sum to 100%, ids that exist in the RFP, every question scored), every problem at once
 * with file:line:column. Warnings (an unanswered question, missing required evidence) ride
 * along with a valid file. One kind per file: parse-rfp.ts, parse-response.ts,
 * parse-scores.ts, with what they share in parse-kit.ts.
 */

export { parseResponse } from './parse-response.js';
export { parseRfp } from './parse-rfp.js';
export { parseScores } from './parse-scores.js';

/** The kind a YAML document declares (to sort a folder's files), or null. */
export function kindOf(text: string): string | null {
  const match = /^kind:\s*["']?([A-Za-z]+)["']?\s*(#.*)?$/m.exec(text);
  return match?.[1] ?? null;
}
