import { UserError } from '../core/issues.js';
import type { Sql } from '../core/sql/fragment.js';
import { type CompiledMapping, compileMapping } from './mapping/compile-mapping.js';
import { loadMapping, type MappingSpec } from './mapping/load-mapping.js';
import type { ReadOptions } from './read-options.js';

/** Compiles a mapping against the header of the file being imported (throws UserError). */
export type CompiledMappingFactory = ((header: string[], refs: Sql[]) => CompiledMapping) & {
  /** How the mapping says its files are read. */
  read?: ReadOptions;
};

/** Reads and validates a mapping file once; each imported file compiles it against its header. */
export async function loadMappingFactory(file: string): Promise<CompiledMappingFactory> {
  const loaded = await loadMapping(file);
  if (!loaded.ok) throw new UserError(`${file}: the mapping is not valid`, loaded.issues);
  return mappingFactory(loaded.value, file);
}

/** A parsed mapping as a factory (also for mappings stored in the database). */
export function mappingFactory(spec: MappingSpec, where: string): CompiledMappingFactory {
  const factory: CompiledMappingFactory = (header, refs) => {
    const compiled = compileMapping(spec, header, (index) => refs[index] as Sql);
    if (!compiled.ok) throw new UserError(`${where}: the mapping does not fit this file`, compiled.issues);
    return compiled.value;
  };
  if (spec.read) factory.read = spec.read;
  return factory;
}
