import type { Scorecard } from '../core/renewal/types.js';
import { addDays } from '../core/time/calendar.js';
import type { Principal } from './scope.js';

/**
 * Value metrics are the client's (docs/api.md, Value metrics): a vendor's scorecard has no
 * value section and no reason that quotes a value fact. Everything else is the same card.
 */
export function scorecardFor(principal: Principal, card: Scorecard): Scorecard {
  if (principal.user.kind === 'client') return card;
  const quotesValue = (reason: Scorecard['recommendation']['reasons'][number]) =>
    reason.facts.some((fact) => fact.source === 'value');
  return {
    ...card,
    value: { periods: [], costChange: null, valueChange: null },
    recommendation: {
      ...card.recommendation,
      reasons: card.recommendation.reasons.filter((r) => !quotesValue(r)),
      otherReasons: card.recommendation.otherReasons.filter((r) => !quotesValue(r)),
    },
  };
}

/**
 * The as-of date a scorecard is built for, clamped to the day after the term (every later
 * date gives the same card): the dates that cost a build are the term's days, a finite
 * set, so a stream of made-up dates cannot make the server build and cache without end.
 */
export function clampAsOf(date: string, termEnd: string): string {
  const last = addDays(termEnd, 1);
  return date < last ? date : last;
}
