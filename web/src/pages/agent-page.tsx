import { ErrorBanner, Loading } from '../components/error-banner';
import { MetricLabel } from '../components/metric-label';
import { PeriodPicker } from '../components/period-picker';
import { Value } from '../components/value';
import { type Route, updateQuery } from '../lib/hash-route';
import { type T, useT } from '../lib/i18n';
import { defaultQuarter, yearTerm } from '../lib/periods';
import { AGENT_METRICS } from '../lib/scope';
import { useSites } from '../lib/sites';
import type { Me, MetricResult, QueryBody } from '../lib/types';
import { useQueries } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';

/** In words, whether the agent's value is on the better side of the team's (no claim of significance). */
function comparison(t: T, mine: MetricResult | undefined, team: MetricResult | undefined): string {
  if (!mine || !team || mine.value === null || team.value === null || mine.direction === 'neutral')
    return '–';
  if (mine.value === team.value) return t('agent.same');
  const better = mine.direction === 'lower' ? mine.value < team.value : mine.value > team.value;
  const overlap =
    mine.low !== null &&
    mine.high !== null &&
    team.low !== null &&
    team.high !== null &&
    mine.low <= team.high &&
    team.low <= mine.high;
  const text = better ? t('agent.better') : t('agent.worse');
  return overlap ? `${text} ${t('agent.overlap')}` : text;
}

/** An agent's own numbers beside their site's, in the site's local calendar. */
export function AgentPage({ route, me }: { route: Route; me: Me }) {
  const { agentId, site } = me.user;
  const t = useT();
  const sites = useSites();
  const zone = sites.data?.find((s) => s.site === site)?.timezone;
  const term = yearTerm();
  const period = route.query.get('period') ?? defaultQuarter(term);
  const ready = agentId && site && (sites.data !== undefined || sites.error !== undefined);
  const base = { metrics: [...AGENT_METRICS], period, timezone: zone ?? 'UTC' };
  const bodies: QueryBody[] | null = ready
    ? [
        { ...base, where: { agent: [agentId] } },
        { ...base, where: { site: [site] } },
      ]
    : null;
  const answers = useQueries(bodies);
  const [mine = [], team = []] = answers.data ?? [];

  return (
    <section aria-labelledby="agent-title">
      <h1 id="agent-title">{t('nav.agent')}</h1>
      <p className="muted">
        {me.user.name}
        {agentId ? ` (${agentId})` : ''}
        {site ? `, ${t('agent.site', { site })}${zone ? `, ${zone}` : ''}` : ''}
      </p>
      <div className="toolbar">
        <PeriodPicker term={term} value={period} onChange={(value) => updateQuery({ period: value })} />
      </div>
      {!agentId && (
        <p className="banner banner-info">
          {t('agent.notLinked')}
        </p>
      )}
      <ErrorBanner error={answers.error} onRetry={answers.reload} />
      {answers.loading && <Loading what={t('agent.what')} />}
      {answers.data && (
        <div className="table-wrap">
          <table className="stack" data-testid="agent-table">
            <caption>{t('agent.caption', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agent.measure')}</th>
                <th scope="col">{t('agent.you')}</th>
                <th scope="col">{t('agent.yourSite')}</th>
                <th scope="col">{t('agent.compared')}</th>
              </tr>
            </thead>
            <tbody>
              {AGENT_METRICS.map((m) => {
                const own = mine.find((r) => r.metric === m);
                const site = team.find((r) => r.metric === m);
                return (
                  <tr key={m} data-testid={`agent-row-${m}`}>
                    <th scope="row">
                      <MetricLabel id={m} />
                    </th>
                    <td data-label={t('agent.you')}>
                      <Value result={own} compact />
                    </td>
                    <td data-label={t('agent.yourSite')}>
                      <Value result={site} compact />
                    </td>
                    <td data-label={t('agent.compared')}>{comparison(t, own, site)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
    </section>
  );
}
