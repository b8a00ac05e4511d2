import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaText, KIND_SCHEMAS } from './kind-schemas.js';

/** `npm run schemas`: writes schemas/*.schema.json from the zod schemas (commit the result). */
const dir = join(process.cwd(), 'schemas');
for (const entry of KIND_SCHEMAS) {
  writeFileSync(join(dir, entry.file), jsonSchemaText(entry));
  process.stdout.write(`schemas/${entry.file}: ${entry.kind}\n`);
}
