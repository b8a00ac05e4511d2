import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { apiGet } from '../lib/api';
import type { MetricInfo } from '../lib/types';

/** The metric catalog (GET /api/metrics), loaded once: the glossary and every tooltip read it. */
interface Catalog {
  metrics: MetricInfo[];
  byId: Map<string, MetricInfo>;
  error: unknown;
}

const CatalogContext = createContext<Catalog>({ metrics: [], byId: new Map(), error: undefined });

export const useCatalog = (): Catalog => useContext(CatalogContext);

export const useMetricInfo = (id: string): MetricInfo | undefined => useCatalog().byId.get(id);

export function CatalogProvider({ children }: { children: ReactNode }) {
  const [catalog, setCatalog] = useState<Catalog>({ metrics: [], byId: new Map(), error: undefined });
  useEffect(() => {
    const controller = new AbortController();
    apiGet<MetricInfo[]>('/metrics', controller.signal).then(
      (metrics) => setCatalog({ metrics, byId: new Map(metrics.map((m) => [m.id, m])), error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setCatalog((prev) => ({ ...prev, error }));
      },
    );
    return () => controller.abort();
  }, []);
  return <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}
