import { CONTACT_PLANS } from './catalog/contact-plans.js';
import { backlogPlan, maxSiteSharePlan } from './catalog/contact-queries.js';
import { fcrPlan, retentionPlan } from './catalog/episode-plans.js';
import { adherencePlan, conformancePlan, occupancyPlan } from './catalog/operations-plans.js';
import { qaAlphaPlan, qaScorePlan } from './catalog/qa-plans.js';
import {
  accessCompliancePlan,
  incidentAckSlaPlan,
  incidentResolveSlaPlan,
} from './catalog/security-plans.js';
import {
  attritionPlan,
  backfillDaysPlan,
  backfillWithinSlaPlan,
  coachingCoveragePlan,
} from './catalog/workforce-plans.js';
import type { MetricPlan } from './plan-types.js';

/** How each metric is computed; its words, unit and parameters are in catalog.ts. */
export const METRIC_PLANS: Record<string, MetricPlan> = {
  ...CONTACT_PLANS,
  fcr: fcrPlan,
  retention_90d: retentionPlan,
  backlog: backlogPlan,
  max_site_share: maxSiteSharePlan,
  qa_score: qaScorePlan,
  qa_alpha: qaAlphaPlan,
  adherence: adherencePlan,
  conformance: conformancePlan,
  occupancy: occupancyPlan,
  coaching_coverage: coachingCoveragePlan,
  backfill_days: backfillDaysPlan,
  backfill_within_sla: backfillWithinSlaPlan,
  attrition: attritionPlan,
  access_compliance: accessCompliancePlan,
  incident_ack_sla: incidentAckSlaPlan,
  incident_resolve_sla: incidentResolveSlaPlan,
};
