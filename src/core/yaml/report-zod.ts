import { z } from 'zod';
import { formatPath } from '../issues.js';
import { isRecord, valueAt } from './read-yaml.js';
import { type Reporter, scalarText, suggest } from './reporter.js';

type Path = (string | number)[];

/**
 * Reports zod's issues against the YAML nodes they are about: an unknown key at the key
 * (with a "did you mean"), a missing key at its parent's key, anything else at the value.
 * `input` is the plain value that was parsed, `base` prefixes zod's paths. A message may
 * say `{written}`: it becomes the value as written in the file (4.20, not 4.2).
 */
export function reportZodIssues(
  error: z.ZodError,
  schema: z.ZodType,
  input: unknown,
  rep: Reporter,
  base: Path = [],
): void {
  for (const issue of error.issues) {
    const relative = issue.path as Path;
    const path = [...base, ...relative];
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, relative);
      for (const key of issue.keys) {
        rep.key(
          'unknown_key',
          path,
          key,
          `unknown key ${key}${suggest(key, known)}; expected ${listOf(known)}`,
        );
      }
    } else if (
      relative.length > 0 &&
      valueAt(input, relative) === undefined &&
      isRecord(valueAt(input, relative.slice(0, -1)))
    ) {
      const about = describe(schemaAt(schema, relative));
      rep.missing('required', path, `${formatPath(path)} is missing${about ? `: ${about}` : ''}`);
    } else {
      const written = scalarText(rep.locator.node(path)) ?? '';
      rep.node('invalid', path, issue.message.replaceAll('{written}', written));
    }
  }
}

const listOf = (keys: string[]) => (keys.length === 0 ? 'no keys here' : `one of ${keys.join(', ')}`);

/** The schema that validates the value at `path`, seen through optional, default, pipe and union. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path) {
    current = current && step(unwrap(current), part);
    if (!current) return undefined;
  }
  return current;
}

/** The keys the object schema at `path` accepts. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const at = schemaAt(schema, path);
  const objects = at ? options(unwrap(at)) : [];
  return [...new Set(objects.flatMap((o) => (o instanceof z.ZodObject ? Object.keys(o.shape) : [])))];
}

/** A schema's description, or that of the schema it wraps (`.optional()` makes a new one). */
export function describe(schema: z.ZodType | undefined): string | undefined {
  for (let current = schema; current; ) {
    if (current.description) return current.description;
    const inner = unwrap1(current);
    current = inner === current ? undefined : inner;
  }
  return undefined;
}

function unwrap1(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return schema.unwrap() as z.ZodType;
  }
  return schema instanceof z.ZodPipe ? (schema.in as z.ZodType) : schema;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = unwrap1(current); inner !== current; inner = unwrap1(current)) current = inner;
  return current;
}

const options = (schema: z.ZodType): z.ZodType[] =>
  schema instanceof z.ZodUnion ? (schema.options as z.ZodType[]).map(unwrap).flatMap(options) : [schema];

function step(schema: z.ZodType, part: string | number): z.ZodType | undefined {
  for (const option of options(schema)) {
    if (typeof part === 'number' && option instanceof z.ZodArray) return option.element as z.ZodType;
    if (typeof part === 'string' && option instanceof z.ZodObject && part in option.shape) {
      return option.shape[part] as z.ZodType;
    }
    if (typeof part === 'string' && option instanceof z.ZodRecord) return option.valueType as z.ZodType;
  }
  return undefined;
}
