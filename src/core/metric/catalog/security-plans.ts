import { UserError } from '../../issues.js';
import { join, raw, type Sql, sql } from '../../sql/fragment.js';
import { requireDuration } from '../../time/duration.js';
import { instantMs, toInstant } from '../../time/zone.js';
import type { PlanContext, QueryPlan } from '../plan-types.js';
import {
  AGENT_DIMENSIONS,
  dimsGroupBy,
  dimsLead,
  dimsSelect,
  num,
  OWN_DIMENSIONS,
  ownFilters,
  scopedAgents,
} from './operations-plans.js';

/** Security and continuity (metrics.md): logins of the scope's agents and the vendor incident register. */

/**
 * access_compliance: login events (access_events of the scope's agents, `at` in the period)
 * with mfa if mfaRequired, device_compliant if compliantDeviceRequired, and country in
 * allowedCountries unless that list is empty / login events.
 */
export const accessCompliancePlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope, dialect, params } = ctx;
    const at = raw(`e.${dialect.quoteIdent('at')}`);
    const countries = Array.isArray(params.allowedCountries) ? params.allowedCountries.map(String) : [];
    const rules: Sql[] = [];
    if (params.mfaRequired !== false) rules.push(sql`e.mfa`);
    if (params.compliantDeviceRequired !== false) rules.push(sql`e.device_compliant`);
    if (countries.length > 0) rules.push(sql`e.country IN (${join(countries.map((c) => sql`${c}`))})`);
    const compliant = rules.length > 0 ? join(rules, ' AND ') : sql`true`;
    return sql`SELECT ${dimsLead(scope)}count(*) FILTER (WHERE compliant) AS k, count(*) AS n
      FROM (
        SELECT ${dimsSelect(scope, 'a')}(${compliant}) AS compliant
        FROM access_events e JOIN (${scopedAgents(ctx)}) a ON a.agent_id = e.agent_id
        WHERE e.tenant = ${scope.tenant} AND ${at} >= ${dialect.instant(scope.period.start)}
          AND ${at} < ${dialect.instant(scope.period.end)}
      ) l${dimsGroupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};

type IncidentField = 'acknowledgeWithin' | 'resolveWithin';

/**
 * Per severity with a limit for `field`: the limit in seconds and the instant the
 * severity's incidents are judged as of, the earlier of asOf and the period end + limit.
 */
export function incidentLimits(
  ctx: PlanContext,
  field: IncidentField,
): { severity: string; seconds: number; dueBy: string }[] {
  const limits = ctx.params.limits;
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
    throw new UserError('limits: expected limits per severity, e.g. { sev1: { acknowledgeWithin: 15m } }');
  }
  const end = instantMs(ctx.scope.period.end);
  const asOf = instantMs(ctx.scope.asOf);
  return Object.entries(limits).flatMap(([severity, limit]) => {
    const text =
      typeof limit === 'object' && limit !== null ? (limit as Record<string, unknown>)[field] : undefined;
    if (text === undefined || text === null || text === '') return [];
    const seconds = requireDuration(String(text)).seconds;
    return [{ severity, seconds, dueBy: toInstant(Math.min(asOf, end + seconds * 1000)) }];
  });
}

/**
 * incident_ack_sla / incident_resolve_sla: incidents opened in the period whose severity has
 * a limit. Each is judged as of E = the earlier of asOf and the period end plus its
 * severity's limit: it counts once done (acknowledged / resolved) by E or once its own
 * deadline (opened_at + limit) has passed by E; it is met when done by E within the limit
 * (exactly at the limit is in time).
 */
function incidentSlaPlan(column: 'acknowledged_at' | 'resolved_at', field: IncidentField): QueryPlan {
  return {
    kind: 'query',
    dimensions: OWN_DIMENSIONS,
    query(ctx: PlanContext): Sql {
      const { scope, dialect } = ctx;
      const limits = incidentLimits(ctx, field).map(
        (l) =>
          sql`SELECT CAST(${l.severity} AS VARCHAR) AS severity, CAST(${l.seconds} AS DOUBLE PRECISION) AS limit_seconds, ${dialect.instant(l.dueBy)} AS due_by`,
      );
      const limitsSql =
        limits.length > 0
          ? join(limits, ' UNION ALL ')
          : sql`SELECT CAST(NULL AS VARCHAR) AS severity, CAST(NULL AS DOUBLE PRECISION) AS limit_seconds, ${dialect.instant(scope.period.end)} AS due_by WHERE 1 = 0`;
      const doneAt = raw(`i.${column}`);
      const epoch = (expr: Sql) => dialect.epochSeconds(expr);
      const done = sql`${doneAt} IS NOT NULL AND ${doneAt} <= l.due_by`;
      const inTime = sql`${epoch(doneAt)} - ${epoch(raw('i.opened_at'))} <= l.limit_seconds`;
      const overdue = sql`${epoch(raw('i.opened_at'))} + l.limit_seconds <= ${epoch(raw('l.due_by'))}`;
      return sql`WITH limits AS (${limitsSql})
        SELECT ${dimsLead(scope)}count(*) FILTER (WHERE met) AS k, count(*) FILTER (WHERE due) AS n
        FROM (
          SELECT ${dimsSelect(scope, 'i', OWN_DIMENSIONS)}(${done}) OR (${overdue}) AS due, (${done}) AND (${inTime}) AS met
          FROM incidents i JOIN limits l ON l.severity = i.severity
          WHERE i.tenant = ${scope.tenant} AND i.opened_at >= ${dialect.instant(scope.period.start)}
            AND i.opened_at < ${dialect.instant(scope.period.end)}${ownFilters(scope, 'i')}
        ) s${dimsGroupBy(scope)}`;
    },
    finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
  };
}

export const incidentAckSlaPlan = incidentSlaPlan('acknowledged_at', 'acknowledgeWithin');
export const incidentResolveSlaPlan = incidentSlaPlan('resolved_at', 'resolveWithin');
