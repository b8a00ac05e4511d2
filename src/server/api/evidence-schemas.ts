import { z } from '@hono/zod-openapi';

const Filters = z.record(z.string().max(20), z.array(z.string().max(100)).min(1).max(50));

/** An experiment as stored or asked for (core/experiment/definition.ts). */
export const ExperimentInput = z
  .object({
    id: z.string().max(63).optional(),
    title: z.string().max(200).optional(),
    metric: z.string().max(60),
    treated: Filters,
    control: Filters,
    where: Filters.optional(),
    start: z.string().max(10),
    pre: z.string().max(8).optional(),
    post: z.string().max(8).optional(),
    timezone: z.string().max(60).optional(),
    contract: z.string().max(63).nullable().optional(),
  })
  .openapi('ExperimentInput');

const Cell = z.object({ value: z.number().nullable(), n: z.number(), variance: z.number().nullable() });
const Window = z.object({ from: z.string(), to: z.string() });

export const ExperimentEstimate = z
  .object({
    metric: z.string(),
    unit: z.string(),
    direction: z.string(),
    effect: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    p: z.number().nullable(),
    insufficient: z.boolean(),
    minSample: z.number(),
    windows: z.object({ pre: Window, post: Window }),
    cells: z.object({ treatedPre: Cell, treatedPost: Cell, controlPre: Cell, controlPost: Cell }),
  })
  .openapi('ExperimentEstimate');

const Point = z.object({ week: z.string(), value: z.number().nullable(), n: z.number() });

export const ExperimentDetail = z
  .object({
    experiment: z.record(z.string(), z.unknown()),
    estimate: ExperimentEstimate,
    series: z.object({
      start: z.string(),
      treated: z.array(Point),
      control: z.array(Point),
      preTrend: z
        .object({
          difference: z.number(),
          low: z.number(),
          high: z.number(),
          treated: z.number(),
          control: z.number(),
        })
        .nullable(),
    }),
  })
  .openapi('ExperimentDetail');

export const ProjectedItem = z.object({
  kind: z.enum(['outcome', 'key_measurement']),
  portfolio: z.string(),
  metric: z.string(),
  label: z.string(),
  direction: z.enum(['higher', 'lower']),
  target: z.number(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  n: z.number(),
  state: z.enum(['on_track', 'at_risk', 'likely_miss', 'insufficient']),
  projectedPay: z.string().nullable(),
});

export const Projection = z
  .object({
    contract: z.string(),
    version: z.number(),
    period: z.string(),
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    currency: z.string(),
    items: z.array(ProjectedItem),
    moneyAtRisk: z.string(),
    projectedTotal: z.string(),
  })
  .openapi('Projection');

export const OutcomeAlert = z
  .object({
    id: z.string(),
    contract: z.string(),
    period: z.string(),
    kind: z.string(),
    portfolio: z.string(),
    metric: z.string(),
    label: z.string(),
    previousState: z.string().nullable(),
    state: z.string(),
    change: z.string(),
    value: z.number().nullable(),
    target: z.number(),
    moneyAtRisk: z.string(),
    currency: z.string(),
    asOf: z.string(),
  })
  .openapi('OutcomeAlert');

export type ExperimentDetailT = z.infer<typeof ExperimentDetail>;
export type ProjectionT = z.infer<typeof Projection>;
export type OutcomeAlertT = z.infer<typeof OutcomeAlert>;
