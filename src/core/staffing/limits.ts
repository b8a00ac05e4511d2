/** The search never goes past this many agents in one interval: beyond it, the target is "not reachable". */
export const MAX_AGENTS = 100_000;
