import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contractJsonSchema } from '../core/contract/json-schema.js';
import { REPO_ROOT } from '../test-support/fixtures.js';
import { jsonSchemaOf, jsonSchemaText, KIND_SCHEMAS } from './kind-schemas.js';

const SCHEMAS = join(REPO_ROOT, 'schemas');
const EXAMPLE_DIRS = ['contracts', 'mappings', 'metrics', 'rfp'];
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/m;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(join(dir, entry.name))
      : entry.name.endsWith('.yaml')
        ? [join(dir, entry.name)]
        : [],
  );
}
const examples = EXAMPLE_DIRS.flatMap((dir) => yamlFiles(join(REPO_ROOT, dir)));

describe('schemas/ (JSON Schemas of every YAML kind)', () => {
  it.each(KIND_SCHEMAS.map((k) => [k.kind, k]))(
    '%s: the committed file is what the zod schema generates (npm run schemas)',
    (_kind, entry) => {
      expect(readFileSync(join(SCHEMAS, entry.file), 'utf8')).toBe(jsonSchemaText(entry));
    },
  );

  it('holds no schema file that no kind generates', () => {
    expect(readdirSync(SCHEMAS).sort()).toEqual(KIND_SCHEMAS.map((k) => k.file).sort());
  });

  it('gives each schema an $id that is its own file name, so it resolves to the file where it is read', () => {
    for (const entry of KIND_SCHEMAS) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, entry.file), 'utf8')) as { $id: string };
      expect(new URL(schema.$id, `file://${join(SCHEMAS, entry.file)}`).pathname).toBe(
        join(SCHEMAS, entry.file),
      );
    }
    expect(contractJsonSchema()).toEqual(jsonSchemaOf(KIND_SCHEMAS[0] as (typeof KIND_SCHEMAS)[0]));
  });

  it.each(examples.map((file) => [relative(REPO_ROOT, file), file]))(
    '%s names the schema of its kind on a yaml-language-server line and conforms to it',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const target = MODELINE.exec(text)?.[1];
      expect(target, 'no # yaml-language-server: $schema= line').toBeDefined();
      const path = resolve(dirname(file), target as string);
      const document = parse(text) as { kind: string };
      const entry = KIND_SCHEMAS.find((k) => k.kind === document.kind);
      expect(path).toBe(join(SCHEMAS, entry?.file ?? 'none'));
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    },
  );

  it('rejects a file of the wrong shape, so editors flag it', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(jsonSchemaOf(KIND_SCHEMAS[0] as (typeof KIND_SCHEMAS)[0]));
    expect(
      validate({
        apiVersion: 'covenant/v1',
        kind: 'Contract',
        metadata: { name: 'x' },
        spec: { currency: 7 },
      }),
    ).toBe(false);
  });
});
