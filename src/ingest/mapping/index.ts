/** The Mapping kind: YAML that turns a foreign export into a canonical dataset (docs/mappings.md). */
export { compileMapping } from './compile-mapping.js';
export { FUNCTIONS } from './functions.js';
export { loadMapping, parseMapping } from './load-mapping.js';
export type { ColumnRule, CompiledMapping, Expr, ExprSource, MappingSpec } from './types.js';
