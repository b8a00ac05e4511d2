import { parseContract } from '../core/contract/parse-contract.js';
import type { Contract } from '../core/contract/types.js';

/**
 * Stored contract versions parsed once per process: the same YAML with the same custom
 * metrics parses to the same terms, and a scorecard reads the versions a dozen times
 * (each invoice, each value period). Keyed by the source and the tenant's metric
 * definitions, since an outcome may name a custom metric; every read gets its own copy,
 * so no caller can change what the next one reads.
 */
const parsed = new Map<string, Contract>();
const LIMIT = 256;

export function parseStoredContract(source: string, label: string, metricsKey: string): Contract {
  const key = `${metricsKey}\u0000${source}`;
  let contract = parsed.get(key);
  if (!contract) {
    const result = parseContract(source, label);
    if (!result.ok) throw new Error(`stored contract ${label} no longer parses`);
    contract = result.value;
    // Oldest first out: the map keeps insertion order.
    if (parsed.size >= LIMIT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, contract);
  }
  return structuredClone(contract);
}
