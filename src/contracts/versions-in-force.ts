import { addDays } from '../core/time/calendar.js';
import type { StoredVersion } from './contract-store.js';

export interface VersionPart {
  version: StoredVersion;
  from: string;
  to: string;
}

/**
 * The versions in force over [startDate, endDate]: each version applies from its
 * effective date until the day before the next one's, so a version change splits a
 * period into parts (each settled on its own contacts) and nothing applies backwards.
 */
export function versionsInForce(
  versions: StoredVersion[],
  startDate: string,
  endDate: string,
): VersionPart[] {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version,
  );
  const parts: VersionPart[] = [];
  sorted.forEach((version, index) => {
    const next = sorted[index + 1];
    const until = next ? addDays(next.effectiveFrom, -1) : '9999-12-31';
    const from = version.effectiveFrom > startDate ? version.effectiveFrom : startDate;
    const to = until < endDate ? until : endDate;
    if (from <= to) parts.push({ version, from, to });
  });
  return parts;
}
