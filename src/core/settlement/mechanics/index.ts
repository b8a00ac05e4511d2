/** The outsourcing-market mechanics (contract-format.md): pure readings of settlements across periods. */
export { applyMechanics, hasMechanics, lookBack, type MechanicsInput } from './apply.js';
export { chronicFailure } from './chronic-failure.js';
export { earnBackLines } from './earn-back.js';
export { IMPROVEMENT_ANNOTATION, improvedSource, improvementOfSource } from './improved-source.js';
export { anniversaries, improvedPoints, improveTargets } from './improvement.js';
export { chargedOf, periodOutcomes } from './period-outcomes.js';
export type * from './types.js';
