import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { METRIC_LABELS, metricDefinition, PARAM_DESCRIPTIONS } from '../../../src/core/i18n/index';
import { apiGet } from '../lib/api';
import { useLanguage } from '../lib/i18n';
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
  // Metric labels (singular and plural), definitions and parameter descriptions in the user's
  // language, over the catalog's English (a tenant's own metrics keep their own text).
  const language = useLanguage();
  const localised = useMemo(() => {
    if (language === 'en') return catalog;
    const labels = METRIC_LABELS[language];
    const params = PARAM_DESCRIPTIONS[language];
    const metrics = catalog.metrics.map((m) => {
      const label = labels[m.id];
      const definition = metricDefinition(m.id, language);
      return {
        ...m,
        ...(label ? { label: { singular: label[0], plural: label[1] } } : {}),
        ...(definition ?? {}),
        params: m.params.map((p) => ({ ...p, description: params[p.name] ?? p.description })),
      };
    });
    return { metrics, byId: new Map(metrics.map((m) => [m.id, m])), error: catalog.error };
  }, [catalog, language]);
  return <CatalogContext.Provider value={localised}>{children}</CatalogContext.Provider>;
}
