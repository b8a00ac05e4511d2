import { z } from 'zod';
import { fail, ok, type Result } from '../core/issues.js';
import { isRecord, readYaml, reportZodIssues } from '../core/yaml/index.js';
import { SETTINGS, type ServeConfig } from './serve-config.js';

/**
 * covenant.yaml: a flat map of settings, every key optional, nothing else (a misspelt key
 * is an error with a suggestion). Each value is checked by its setting's own check (the
 * same as for flags and variables), so a problem is reported at its line and column.
 */
export const CONFIG_FILE_SCHEMA = z.strictObject(
  Object.fromEntries(
    SETTINGS.map((s) => [
      s.key,
      z
        .unknown()
        .superRefine((value, ctx) => {
          const checked = s.check(value);
          if ('error' in checked) ctx.addIssue({ code: 'custom', message: checked.error });
        })
        .optional()
        .describe(s.help),
    ]),
  ),
);

/** covenant.yaml's settings, or every problem with its line and column. */
export function parseConfigFile(source: string, file: string): Result<Partial<ServeConfig>> {
  const yaml = readYaml(source, file);
  if (!yaml.ok) return yaml;
  const { js, rep } = yaml.value;
  // An empty file (or only comments) sets nothing.
  if (js === null || js === undefined) return ok({});
  if (!isRecord(js)) {
    rep.node('not_a_map', [], `${file} is a YAML map of settings: ${SETTINGS.map((s) => s.key).join(', ')}`);
    return fail(rep.issues);
  }
  const parsed = CONFIG_FILE_SCHEMA.safeParse(js);
  if (!parsed.success) {
    reportZodIssues(parsed.error, CONFIG_FILE_SCHEMA, js, rep);
    return fail(rep.issues);
  }
  const values: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const checked = js[s.key] === undefined ? null : s.check(js[s.key]);
    if (checked && 'value' in checked) values[s.key] = checked.value;
  }
  return ok(values as Partial<ServeConfig>);
}
