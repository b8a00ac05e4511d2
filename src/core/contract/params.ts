import { ISO_COUNTRIES } from '../dataset/countries.js';
import type { MetricInfo, ParamDef } from '../metric/types.js';
import { parseDuration } from '../time/index.js';
import { isRecord } from '../yaml/read-yaml.js';
import type { ParsedContract } from './schema.js';
import type { IncidentLimitText, ParamValue } from './types.js';

/**
 * Outcome parameters: checked against the metric's ParamDefs, and resolved in the order
 * outcome `params` > remoteOperations / security > the catalog default.
 */

export type ParamCheck = { ok: true; value: ParamValue } | { ok: false; expected: string };

const durationOf = (raw: unknown) => (typeof raw === 'string' ? parseDuration(raw) : undefined);
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];

/** Reads one parameter value in the catalog's form, or says what was expected. */
export function checkParam(def: ParamDef, raw: unknown): ParamCheck {
  const bad = (expected: string): ParamCheck => ({ ok: false, expected });
  switch (def.kind) {
    case 'duration': {
      const parsed = durationOf(raw);
      return parsed?.ok ? { ok: true, value: parsed.value.label } : bad('a duration such as 7d, 4h or 30m');
    }
    case 'seconds': {
      if (typeof raw === 'number' && raw >= 0) return { ok: true, value: raw };
      const parsed = durationOf(raw);
      return parsed?.ok
        ? { ok: true, value: parsed.value.seconds }
        : bad('seconds (20) or a duration (20s, 1m)');
    }
    case 'days': {
      if (Number.isInteger(raw) && (raw as number) > 0) return { ok: true, value: raw as number };
      const parsed = durationOf(raw);
      return parsed?.ok && parsed.value.unit === 'd'
        ? { ok: true, value: parsed.value.amount }
        : bad('whole days (21 or 21d)');
    }
    case 'enum':
      return typeof raw === 'string' && def.values?.includes(raw)
        ? { ok: true, value: raw }
        : bad(`one of ${def.values?.join(', ')}`);
    case 'bool':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : bad('true or false');
    case 'countries':
      return Array.isArray(raw) &&
        raw.every((code) => typeof code === 'string' && ISO_COUNTRIES.includes(code))
        ? { ok: true, value: raw as string[] }
        : bad('a list of ISO 3166-1 alpha-2 country codes, e.g. [PT, PH]');
    case 'limits':
      return limits(raw);
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { ok: true, value: raw } : bad('a number');
  }
}

function limits(raw: unknown): ParamCheck {
  const expected = 'limits per severity, e.g. { sev1: { acknowledgeWithin: 15m, resolveWithin: 4h } }';
  if (!isRecord(raw)) return { ok: false, expected };
  const value: Record<string, IncidentLimitText> = {};
  for (const [severity, limit] of Object.entries(raw)) {
    if (!SEVERITIES.includes(severity) || !isRecord(limit)) return { ok: false, expected };
    const ack = durationOf(limit.acknowledgeWithin);
    const resolve = durationOf(limit.resolveWithin);
    if (!ack?.ok || !resolve?.ok || Object.keys(limit).length !== 2) return { ok: false, expected };
    value[severity] = { acknowledgeWithin: ack.value.label, resolveWithin: resolve.value.label };
  }
  return { ok: true, value };
}

type Spec = ParsedContract['spec'];

/** The parameter defaults that remoteOperations and security set, by metric. */
export function sectionDefaults(spec: Spec): Record<string, Record<string, ParamValue>> {
  const coaching = spec.remoteOperations?.coaching;
  const access = spec.security?.access;
  const incidents = spec.security?.incidents;
  const defined = (entries: [string, ParamValue | undefined][]) =>
    Object.fromEntries(entries.filter((entry): entry is [string, ParamValue] => entry[1] !== undefined));
  const limits =
    incidents &&
    Object.fromEntries(
      Object.entries(incidents).flatMap(([severity, limit]) => (limit ? [[severity, { ...limit }]] : [])),
    );
  return {
    coaching_coverage: defined([
      ['mode', coaching?.mode],
      ['cadence', coaching?.cadence && durationOf(coaching.cadence)?.ok ? coaching.cadence : undefined],
    ]),
    backfill_within_sla: defined([['days', spec.remoteOperations?.backfill?.criticalRoleDays]]),
    access_compliance: defined([
      ['mfaRequired', access?.mfaRequired],
      ['compliantDeviceRequired', access?.compliantDeviceRequired],
      ['allowedCountries', access?.allowedCountries],
    ]),
    incident_ack_sla: defined([['limits', limits]]),
    incident_resolve_sla: defined([['limits', limits]]),
  };
}

/** Every parameter of `info`: own (already checked) > section default > catalog default. */
export function resolveParams(
  info: MetricInfo,
  own: Record<string, ParamValue>,
  sections: Record<string, Record<string, ParamValue>>,
): Record<string, ParamValue> {
  const fromSections = sections[info.id] ?? {};
  return Object.fromEntries(
    info.params.map((def) => [
      def.name,
      own[def.name] ?? fromSections[def.name] ?? (def.default as ParamValue),
    ]),
  );
}
