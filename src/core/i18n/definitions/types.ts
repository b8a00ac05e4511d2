/** A language's metric definitions: formula in words and what n counts per metric, and parameter descriptions. */
export interface Definitions {
  metrics: Record<string, readonly [formula: string, n: string]>;
  params: Record<string, string>;
}
