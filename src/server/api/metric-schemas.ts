import { z } from '@hono/zod-openapi';

/** The metric engine over HTTP: a query, its results, and the catalogue of metrics. */

export const MetricResult = z
  .object({
    metric: z.string(),
    group: z.record(z.string(), z.string()),
    period: z.string(),
    value: z.number().nullable(),
    n: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    unit: z.string(),
    direction: z.string(),
    matured: z.boolean(),
    maturesOn: z.string().nullable(),
    insufficient: z.boolean(),
    baseline: z.number().nullable(),
    difference: z.number().nullable(),
    differenceLow: z.number().nullable(),
    differenceHigh: z.number().nullable(),
    p: z.number().nullable(),
    params: z.record(z.string(), z.unknown()).optional(),
    zone: z.string().optional(),
    warnings: z.array(z.string()).optional(),
  })
  .openapi('MetricResult');

export const QueryAnswer = z
  .object({
    results: z.array(MetricResult),
    /** Why nothing was found, when nothing was: a filter value with no data (and the nearest one), a period with no data. */
    warnings: z.array(z.string()),
  })
  .openapi('QueryAnswer');

export const QueryRequest = z
  .object({
    // Every field has a bound (docs/security.md); periods are bounded by checkWindowBounds.
    metrics: z.array(z.string().max(100)).min(1).max(50),
    period: z.string().max(100),
    /** Default UTC, or the contract's zone when `contract` is given. */
    timezone: z.string().max(64).optional(),
    where: z.record(z.string().max(40), z.array(z.string().max(200)).max(1000)).default({}),
    by: z.array(z.string().max(40)).max(8).default([]),
    grain: z.enum(['day', 'week', 'month']).optional(),
    params: z.record(z.string().max(100), z.string().max(200)).default({}),
    baseline: z.string().max(100).optional(),
    minN: z.number().int().min(0).max(1_000_000_000).default(1),
    /** Measure with this contract's parameters and zone, as its pages do; value metrics need it. */
    contract: z.string().max(200).optional(),
  })
  .openapi('QueryRequest');

export const MetricInfo = z
  .object({
    id: z.string(),
    family: z.string(),
    label: z.object({ singular: z.string(), plural: z.string() }),
    unit: z.string(),
    direction: z.string(),
    formula: z.string(),
    n: z.string(),
    datasets: z.array(z.string()),
    params: z.array(
      z.object({ name: z.string(), kind: z.string(), default: z.unknown(), description: z.string() }),
    ),
    interval: z.string(),
    maturity: z.record(z.string(), z.string()),
    needsContract: z.boolean().optional(),
    /** Scoped through interactions (vendor + workflows, channel, path...), else by vendor, site and agent only. */
    readsInteractions: z.boolean(),
    display: z.enum(['percent']).optional(),
  })
  .openapi('MetricInfo');

export type MetricResultT = z.infer<typeof MetricResult>;
export type QueryRequestT = z.infer<typeof QueryRequest>;
export type QueryAnswerT = z.infer<typeof QueryAnswer>;
export type MetricInfoT = z.infer<typeof MetricInfo>;
