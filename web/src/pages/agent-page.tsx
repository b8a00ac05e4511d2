import { ErrorBanner, Loading } from '../components/error-banner';
import { MetricLabel } from '../components/metric-label';
import { PeriodPicker } from '../components/period-picker';
import { Value } from '../components/value';
import { type Route, updateQuery } from '../lib/hash-route';
import { defaultQuarter, yearTerm } from '../lib/periods';
import { AGENT_METRICS } from '../lib/scope';
import { useSites } from '../lib/sites';
import type { Me, MetricResult, QueryBody } from '../lib/types';
import { useQueries } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';

/** In words, whether the agent's value is on the better side of the team's (no claim of significance). */
function comparison(mine: MetricResult | undefined, team: MetricResult | undefined): string {
  if (!mine || !team || mine.value === null || team.value === null || mine.direction === 'neutral')
    return '–';
  if (mine.value === team.value) return 'same as the team';
  const better = mine.direction === 'lower' ? mine.value < team.value : mine.value > team.value;
  const overlap =
    mine.low !== null &&
    mine.high !== null &&
    team.low !== null &&
    team.high !== null &&
    mine.low <= team.high &&
    team.low <= mine.high;
  return `${better ? 'better' : 'worse'} than the team${overlap ? ' (intervals overlap)' : ''}`;
}

/** An agent's own numbers beside their site's, in the site's local calendar. */
export function AgentPage({ route, me }: { route: Route; me: Me }) {
  const { agentId, site } = me.user;
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
      <h1 id="agent-title">My numbers</h1>
      <p className="muted">
        {me.user.name}
        {agentId ? ` (${agentId})` : ''}
        {site ? `, site ${site}${zone ? `, ${zone}` : ''}` : ''}
      </p>
      <div className="toolbar">
        <PeriodPicker term={term} value={period} onChange={(value) => updateQuery({ period: value })} />
      </div>
      {!agentId && (
        <p className="banner banner-info">
          Your account is not linked to an agent id, so there are no own numbers to show.
        </p>
      )}
      <ErrorBanner error={answers.error} onRetry={answers.reload} />
      {answers.loading && <Loading what="your numbers" />}
      {answers.data && (
        <div className="table-wrap">
          <table className="stack" data-testid="agent-table">
            <caption>Your numbers and your site's, {period}</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">You</th>
                <th scope="col">Your site</th>
                <th scope="col">Compared</th>
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
                    <td data-label="You">
                      <Value result={own} compact />
                    </td>
                    <td data-label="Your site">
                      <Value result={site} compact />
                    </td>
                    <td data-label="Compared">{comparison(own, site)}</td>
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
