import type { ChronicFailureTerms, Contract } from '../../contract/types.js';
import { periodOutcomes } from './period-outcomes.js';
import type { ChronicOutcome, PeriodRecord } from './types.js';

/**
 * Chronic failure (contract-format.md): a "service level default" is an outcome paying
 * below 0% in a settlement period; `misses` defaults of one outcome within `within`
 * consecutive periods give the client a termination right. `sequence` holds consecutive
 * settlement periods from the start of the term, oldest first, the current one last.
 */
export function chronicFailure(
  terms: ChronicFailureTerms,
  contract: Contract,
  sequence: readonly PeriodRecord[],
): ChronicOutcome[] {
  const read = sequence.map((record) => ({ period: record.period, outcomes: periodOutcomes(record) }));
  const last = read.length - 1;
  return contract.portfolios.flatMap((portfolio) =>
    portfolio.outcomes.map((outcome) => {
      const key = `${portfolio.id}/${outcome.metric}`;
      const defaulted = read.map((r) => r.outcomes.get(key)?.defaulted ?? false);
      const windowAt = (end: number) =>
        read.slice(Math.max(0, end - terms.within + 1), end + 1).filter((_, i, w) => {
          const index = end - (w.length - 1) + i;
          return defaulted[index];
        });
      let right: ChronicOutcome['terminationRight'] = null;
      for (let end = 0; end <= last && !right; end++) {
        const inWindow = windowAt(end);
        if (defaulted[end] && inWindow.length >= terms.misses)
          right = { grantedIn: read[end]?.period ?? '', periods: inWindow.map((r) => r.period) };
      }
      const count = last < 0 ? 0 : windowAt(last).length;
      return {
        portfolio: portfolio.id,
        metric: outcome.metric,
        label:
          read.at(-1)?.outcomes.get(key)?.label ??
          `${portfolio.displayName ?? portfolio.id}: ${outcome.metric}`,
        defaults: read.filter((_, i) => defaulted[i]).map((r) => r.period),
        count,
        terminationRight: right,
        oneShort: !right && terms.misses > 1 && defaulted[last] === true && count === terms.misses - 1,
      };
    }),
  );
}
