import type { Issue, Result } from '../issues.js';
import { fail, ok } from '../issues.js';
import { parseDuration } from '../time/duration.js';
import type { ParamValue } from './plan-types.js';
import type { MetricInfo, ParamDef } from './types.js';

/**
 * A metric's parameters: the catalog's defaults, overridden by name. Overrides come as
 * text from the CLI (`--param repeatWindow=3d`) or typed from a contract's `params`.
 */
export function resolveParams(
  info: MetricInfo,
  overrides: Record<string, unknown>,
  path: (string | number)[] = [],
): Result<Record<string, ParamValue>> {
  const params: Record<string, ParamValue> = {};
  const issues: Issue[] = [];
  for (const def of info.params) params[def.name] = def.default as ParamValue;
  for (const [name, raw] of Object.entries(overrides)) {
    const def = info.params.find((p) => p.name === name);
    if (!def) {
      const known = info.params.map((p) => p.name).join(', ') || 'none';
      issues.push({
        code: 'unknown_param',
        path: [...path, name],
        message: `${info.id} has no parameter ${name} (it has: ${known})`,
      });
      continue;
    }
    const parsed = parseParam(def, raw);
    if (typeof parsed === 'string')
      issues.push({ code: 'bad_param', path: [...path, name], message: parsed });
    else params[name] = parsed.value;
  }
  return issues.length > 0 ? fail(issues) : ok(params);
}

/** The parsed value, or the reason it is not one. */
function parseParam(def: ParamDef, raw: unknown): { value: ParamValue } | string {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (def.kind) {
    case 'duration':
      return typeof text === 'string' && parseDuration(text).ok
        ? { value: text }
        : `${def.name}: expected a duration such as 7d, 4h or 30m`;
    case 'seconds':
    case 'days': {
      const n = Number(text);
      return Number.isFinite(n) && n >= 0 ? { value: n } : `${def.name}: expected a number >= 0`;
    }
    case 'number': {
      const n = typeof text === 'number' ? text : Number(text);
      return typeof text !== 'boolean' && text !== '' && Number.isFinite(n)
        ? { value: n }
        : `${def.name}: expected a number`;
    }
    case 'enum':
      return def.values?.includes(String(text))
        ? { value: String(text) }
        : `${def.name}: expected one of ${def.values?.join(', ')}`;
    case 'bool':
      if (text === true || text === 'true' || text === 'yes') return { value: true };
      if (text === false || text === 'false' || text === 'no') return { value: false };
      return `${def.name}: expected true or false`;
    case 'countries': {
      const list = Array.isArray(text)
        ? text.map(String)
        : String(text)
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean);
      return list.every((c) => /^[A-Za-z]{2}$/.test(c))
        ? { value: list.map((c) => c.toUpperCase()) }
        : `${def.name}: expected ISO country codes such as PT,PH`;
    }
    case 'limits':
      return typeof text === 'object' && text !== null
        ? { value: text as Record<string, unknown> }
        : `${def.name}: expected limits per severity`;
  }
}
