import { useMemo } from 'react';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { ResultTable } from '../components/result-table';
import { useSites } from '../lib/sites';
import type { QueryBody } from '../lib/types';
import { useQueries } from '../lib/use-resource';
import { useMe } from '../state/session';
import { useT } from '../lib/i18n';

interface Props {
  base: QueryBody;
  vendor: string;
  grain: 'day' | 'week';
  unit: string;
  target: number | null;
  label: string;
}

/** The metric per site of the vendor, each in its own zone, so each site's days are its local days. */
export function SiteBreakdown({ base, vendor, grain, unit, target, label }: Props) {
  const sites = useSites();
  const t = useT();
  const { user } = useMe();
  // A team lead (or agent) sees their own site only: asking for another would be refused.
  const own = user.kind === 'vendor' && user.site ? user.site : null;
  const mine = (sites.data ?? []).filter((s) => s.vendor === vendor && (!own || s.site === own));
  const bodies = sites.data
    ? mine.flatMap((s): QueryBody[] => {
        const scoped = { ...base, timezone: s.timezone, where: { ...base.where, site: [s.site] } };
        return [{ ...scoped, grain }, scoped];
      })
    : null;
  const answers = useQueries(bodies);
  const perSite = mine.map((s, i) => ({
    site: s,
    series: answers.data?.[2 * i] ?? [],
    total: answers.data?.[2 * i + 1]?.[0],
  }));
  const option = useMemo(
    () =>
      seriesOption({ series: perSite.map((p) => ({ name: p.site.site, results: p.series })), unit, target }),
    [perSite, unit, target],
  );
  return (
    <section className="section" aria-labelledby="by-site-title">
      <h2 id="by-site-title">{t('drill.bySite')}</h2>
      <ErrorBanner error={sites.error ?? answers.error} onRetry={answers.reload} />
      {(sites.loading || answers.loading) && <Loading what={t('drill.whatSites')} />}
      {sites.data && mine.length === 0 && <p>{t('drill.noSites', { vendor })}</p>}
      {answers.data && mine.length > 0 && (
        <>
          <EChart option={option} label={t('drill.siteChart', { label, grain })} testId="chart-by-site" />
          <ResultTable
            caption={t('drill.siteCaption', { label, period: base.period })}
            rowHeader={t('drill.siteZone')}
            rows={perSite.map((p) => ({
              key: p.site.site,
              label: `${p.site.site} (${p.site.timezone})`,
              result: p.total,
            }))}
            target={target}
            testId="table-by-site"
          />
        </>
      )}
    </section>
  );
}
