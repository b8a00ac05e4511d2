import type { Contract } from '../contract/types.js';
import type { Period } from '../time/period.js';

/** A version of a contract and the days of a period it governs (contracts/versions-in-force.ts). */
export interface GoverningPart {
  contract: Pick<Contract, 'name' | 'version' | 'settlement' | 'term'>;
  from: string;
  to: string;
}

const KIND = { monthly: 'month', quarterly: 'quarter' } as const;
const EXAMPLE = { monthly: '2026-03', quarterly: '2026-Q1' } as const;

/**
 * Why a period cannot be settled, or null when it can (contract-format.md: a settlement
 * period lies inside the term of a version in force and is one of the contract's
 * settlement periods). Checked before anything is measured or stored.
 */
export function settlementPeriodProblem(period: Period, parts: GoverningPart[]): string | null {
  const latest = parts.at(-1)?.contract;
  if (!latest) return `no version of the contract is in force in ${period.label}`;
  const cadence = latest.settlement;
  if (period.kind !== KIND[cadence])
    return `${period.label} is not a settlement period of ${latest.name}: it settles ${cadence} (e.g. ${EXAMPLE[cadence]})`;
  const first = parts[0];
  if (first && first.from > period.startDate)
    return `${period.label} starts before the first version of ${latest.name} is in force (${first.from})`;
  for (const part of parts) {
    const { term } = part.contract;
    if (part.from < term.start || part.to > term.end)
      return `${period.label} is outside the term of ${part.contract.name} version ${part.contract.version} (${term.start} to ${term.end})`;
  }
  return null;
}
