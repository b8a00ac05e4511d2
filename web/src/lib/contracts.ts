import type { Contract, ContractDetail, ContractSummary, Portfolio } from './types';
import { useGet } from './use-resource';

/** The contracts the caller may see (GET /api/contracts). */
export const useContracts = () => useGet<ContractSummary[]>('/contracts');

/** One contract with its normalised terms (GET /api/contracts/{id}). */
export const useContractDetail = (id: string | null) =>
  useGet<ContractDetail>(id ? `/contracts/${encodeURIComponent(id)}` : null);

/** The normalised terms of a contract detail (the API types `spec` as a record). */
export const termsOf = (detail: ContractDetail | undefined): Contract | undefined =>
  detail ? (detail.spec as unknown as Contract) : undefined;

export const contractName = (c: Pick<ContractSummary, 'id' | 'displayName'>): string => c.displayName ?? c.id;

export const portfolioName = (p: Pick<Portfolio, 'id' | 'displayName'>): string => p.displayName ?? p.id;

/** A contract parameter value as query text: `14d`, `21`, `ZA,PL`, `true` (limits objects are left out). */
export function paramText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  return null;
}

/** Parameters as the query API takes them (text), from a contract's typed ones. */
export function paramsText(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = paramText(value);
    if (text !== null) out[name] = text;
  }
  return out;
}
