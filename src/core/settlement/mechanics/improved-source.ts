import { isMap, parseDocument } from 'yaml';
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
  const edited = editedSource(source, contract, improvement);
  // The computation rides with the version it made, as Kubernetes keeps an applied configuration.
  const doc = parseDocument(edited, { version: '1.2', schema: 'core' });
  doc.setIn(['metadata', 'annotations', IMPROVEMENT_ANNOTATION], JSON.stringify(improvement));
  return doc.toString({ lineWidth: 0 });
}

/** The metadata annotation holding the computation of a continuous-improvement version. */
export const IMPROVEMENT_ANNOTATION = 'covenant/improvement';

/** The improvement recorded on a version's source, if continuous improvement made it. */
export function improvementOfSource(source: string): Improvement | undefined {
  const doc = parseDocument(source, { version: '1.2', schema: 'core' });
  const annotations = doc.getIn(['metadata', 'annotations'], true);
  const text = isMap(annotations) ? annotations.get(IMPROVEMENT_ANNOTATION) : undefined;
  return typeof text === 'string' ? (JSON.parse(text) as Improvement) : undefined;
}

function editedSource(source: string, contract: Contract, improvement: Improvement): string {
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
