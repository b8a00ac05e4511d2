import { UserError } from '../core/issues.js';
import type { Sql } from '../core/sql/fragment.js';
import { type CompiledMapping, compileMapping } from './mapping/compile-mapping.js';
import { loadMapping } from './mapping/load-mapping.js';

/** Compiles a mapping against the header of the file being imported (throws UserError). */
export type CompiledMappingFactory = (header: string[], refs: Sql[]) => CompiledMapping;

/** Reads and validates a mapping file once; each imported file compiles it against its header. */
export async function loadMappingFactory(file: string): Promise<CompiledMappingFactory> {
  const loaded = await loadMapping(file);
  if (!loaded.ok) throw new UserError(`${file}: the mapping is not valid`, loaded.issues);
  const spec = loaded.value;
  return (header, refs) => {
    const compiled = compileMapping(spec, header, (index) => refs[index] as Sql);
    if (!compiled.ok) throw new UserError(`${file}: the mapping does not fit this file`, compiled.issues);
    return compiled.value;
  };
}
