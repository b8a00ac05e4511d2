import { useMemo } from 'react';
import type { Site } from './types';
import { useGet } from './use-resource';

/** GET /api/sites: each site's vendor and zone (daily charts by site use the site's local days). */
export function useSites() {
  const sites = useGet<unknown>('/sites');
  const data = useMemo(
    () => (sites.data === undefined ? undefined : normaliseSites(sites.data)),
    [sites.data],
  );
  return { ...sites, data };
}

/** Tolerates `id` for `site` and `zone` for `timezone` until the API's Site schema is fixed. */
export function normaliseSites(raw: unknown): Site[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const r = row as Record<string, unknown>;
    const site = r.site ?? r.id;
    const timezone = r.timezone ?? r.zone;
    if (typeof site !== 'string' || typeof timezone !== 'string') return [];
    return [
      {
        site,
        vendor: String(r.vendor ?? ''),
        timezone,
        country: typeof r.country === 'string' ? r.country : null,
      },
    ];
  });
}
