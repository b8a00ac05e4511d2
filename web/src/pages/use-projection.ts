import { useEffect, useState } from 'react';
import type { ProjectionT } from '../../../src/server/api/evidence-schemas';
import { apiGet } from '../lib/api';
import { projectionAsOf } from '../lib/periods';

/**
 * The projection of the overview's period, loaded after the overview itself (and again
 * after each of its reloads), so a live update of the tiles never waits behind it.
 * Failures leave the tiles without a state (e.g. a period before the term).
 */
export function useProjection(contractId: string, period: string | null, overview: unknown): { data?: ProjectionT } {
  const [data, setData] = useState<ProjectionT | undefined>(undefined);
  useEffect(() => {
    if (!period || !overview) return;
    const controller = new AbortController();
    const path = `/contracts/${encodeURIComponent(contractId)}/projection?asOf=${encodeURIComponent(projectionAsOf(period))}`;
    apiGet<ProjectionT>(path, controller.signal)
      .then(setData)
      .catch(() => undefined);
    return () => controller.abort();
  }, [contractId, period, overview]);
  return { data };
}
