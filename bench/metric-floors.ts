/**
 * The floor of each metric: the same number from one hand-written DuckDB query, for the
 * benchmark to time our compiled SQL against. Scope text is inlined here on purpose: these
 * are fixed benchmark queries, not product code.
 */
export interface FloorScope {
  vendor: string;
  start: string;
  end: string;
}

export function contactFloors(s: FloorScope, by = ''): Record<string, string> {
  const where = `tenant = 'default' AND vendor = '${s.vendor}' AND started_at >= TIMESTAMPTZ '${s.start}' AND started_at < TIMESTAMPTZ '${s.end}'`;
  const g = by ? `${by}, ` : '';
  const group = by ? ` GROUP BY ${by}` : '';
  const from = `FROM interactions WHERE ${where}`;
  const offered = `channel IN ('voice','chat','messaging') AND path IN ('human','bot_to_human')`;
  const short = `abandoned AND coalesce(queue_seconds <= 5, false)`;
  return {
    contacts: `SELECT ${g}count(*) ${from}${group}`,
    csat: `SELECT ${g}count(*) FILTER (WHERE csat >= 4), count(*) ${from} AND NOT abandoned AND csat IS NOT NULL${group}`,
    csat_mean: `SELECT ${g}avg(csat), stddev_samp(csat), count(csat) ${from} AND NOT abandoned${group}`,
    resolution_rate: `SELECT ${g}count(*) FILTER (WHERE resolved), count(*) ${from} AND NOT abandoned${group}`,
    error_rate: `SELECT ${g}count(*) FILTER (WHERE error), count(*) ${from} AND NOT abandoned${group}`,
    aht: `SELECT ${g}avg(handle_seconds), stddev_samp(handle_seconds), count(handle_seconds) ${from} AND NOT abandoned AND path IN ('human','bot_to_human')${group}`,
    handle_p90: `SELECT ${g}quantile_cont(handle_seconds, 0.9) ${from} AND NOT abandoned AND path IN ('human','bot_to_human')${group}`,
    asa: `SELECT ${g}avg(queue_seconds), stddev_samp(queue_seconds), count(queue_seconds) ${from} AND ${offered} AND NOT abandoned${group}`,
    service_level: `SELECT ${g}count(*) FILTER (WHERE NOT abandoned AND queue_seconds <= 20), count(*) ${from} AND ${offered} AND NOT (${short})${group}`,
    abandon_rate: `SELECT ${g}count(*) FILTER (WHERE abandoned), count(*) ${from} AND ${offered} AND NOT (${short})${group}`,
    backlog: `SELECT ${g}count(*) FROM interactions WHERE tenant = 'default' AND vendor = '${s.vendor}' AND channel IN ('email','messaging') AND started_at < TIMESTAMPTZ '${s.end}' AND (closed_at IS NULL OR closed_at >= TIMESTAMPTZ '${s.end}')${group}`,
    containment: `SELECT ${g}count(*) FILTER (WHERE path = 'bot' AND resolved), count(*) ${from}${group}`,
    escalation_rate: `SELECT ${g}count(*) FILTER (WHERE path = 'bot_to_human'), count(*) ${from} AND path IN ('bot','bot_to_human')${group}`,
    bot_error_rate: `SELECT ${g}count(*) FILTER (WHERE error), count(*) ${from} AND path = 'bot'${group}`,
    offer_conversion: `SELECT ${g}count(*) FILTER (WHERE offer = 'accepted'), count(*) ${from} AND offer IN ('accepted','declined')${group}`,
    revenue_per_contact: `SELECT ${g}sum(revenue) / count(*) ${from}${group}`,
    fcr: `WITH l AS (SELECT *, lag(started_at) OVER w AS p, lead(started_at) OVER w AS nx FROM interactions
        WHERE tenant = 'default' AND customer_id IS NOT NULL AND started_at >= TIMESTAMPTZ '${s.start}' - INTERVAL 7 DAY
          AND started_at < TIMESTAMPTZ '${s.end}' + INTERVAL 7 DAY
        WINDOW w AS (PARTITION BY customer_id, workflow ORDER BY started_at, interaction_id))
      SELECT ${g}count(*) FILTER (WHERE (nx IS NULL OR nx > started_at + INTERVAL 7 DAY) AND NOT abandoned AND resolved), count(*)
      FROM (SELECT * FROM l WHERE (p IS NULL OR started_at > p + INTERVAL 7 DAY) AND vendor = '${s.vendor}'
        AND started_at >= TIMESTAMPTZ '${s.start}' AND started_at < TIMESTAMPTZ '${s.end}'
        UNION ALL SELECT *, NULL, NULL ${from} AND customer_id IS NULL)${group}`,
    retention_90d: `WITH f AS (SELECT ${g}customer_id, min(started_at) AS first_at ${from} AND NOT abandoned AND customer_id IS NOT NULL GROUP BY ${g}customer_id)
      SELECT ${by ? `f.${by.split(', ').join(', f.')}, ` : ''}count(c.customer_id) FILTER (WHERE c.churned_at IS NULL OR c.churned_at > CAST(timezone('Europe/Lisbon', f.first_at) AS DATE) + 90), count(c.customer_id)
      FROM f LEFT JOIN customers c ON c.tenant = 'default' AND c.customer_id = f.customer_id${by ? ` GROUP BY f.${by.split(', ').join(', f.')}` : ''}`,
  };
}

/** Daily csat and aht over 90 days in Europe/Lisbon, grouped by local day the straightforward way. */
export function seriesFloors(s: FloorScope): Record<string, string> {
  const where = `tenant = 'default' AND vendor = '${s.vendor}' AND started_at >= TIMESTAMPTZ '${s.start}' AND started_at < TIMESTAMPTZ '${s.end}' AND NOT abandoned`;
  const day = `CAST(timezone('Europe/Lisbon', started_at) AS DATE)`;
  return {
    csat: `SELECT ${day} AS d, count(*) FILTER (WHERE csat >= 4), count(*) FROM interactions WHERE ${where} AND csat IS NOT NULL GROUP BY d`,
    aht: `SELECT ${day} AS d, avg(handle_seconds), stddev_samp(handle_seconds), count(handle_seconds) FROM interactions WHERE ${where} AND path IN ('human','bot_to_human') GROUP BY d`,
  };
}
