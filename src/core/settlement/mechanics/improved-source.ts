import type { Contract } from '../../contract/types.js';
import { editSource } from '../../recalibration/proposed-source.js';
import { improvedPoints } from './improvement.js';
import type { Improvement } from './types.js';

/**
 * The next version's YAML at an anniversary: the version in force with each improved
 * target and its shifted curve written in place, effective on the anniversary, the
 * computation in the file's header comment.
 */
export function improvedSource(source: string, contract: Contract, improvement: Improvement): string {
  const outcomes = contract.portfolios.flatMap((portfolio, p) =>
    portfolio.outcomes.flatMap((outcome, o) => {
      const t = improvement.targets.find((x) => x.portfolio === portfolio.id && x.metric === outcome.metric);
      return t && t.move !== 0
        ? [{ portfolio: p, outcome: o, target: t.newTarget, points: improvedPoints(outcome, t) }]
        : [];
    }),
  );
  return editSource(source, {
    version: contract.version + 1,
    effectiveFrom: improvement.anniversary,
    outcomes,
    header: [
      `Continuous improvement at the anniversary ${improvement.anniversary} (share ${improvement.share * 100}% of the gap`,
      `to the best settlement-period value of ${improvement.periods.join(', ')}), from version ${improvement.fromVersion}:`,
      ...improvement.targets.map((t) => `  ${t.portfolio}/${t.metric}: ${t.rule}`),
    ],
  });
}
