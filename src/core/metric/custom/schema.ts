import { z } from 'zod';
import { envelopeSchema } from '../../yaml/envelope.js';

/** The shape of a Metric file; meaning (columns, types, ids) is checked in parse-metric.ts. */

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, `${what} is empty`)
    .describe(what);
const expression = (what: string) =>
  z
    .string({ error: `expected ${what}: an expression (a string)` })
    .min(1, 'the expression is empty')
    .describe(what);

export const METRIC_TYPES = ['share', 'mean', 'count', 'ratio'] as const;
export const METRIC_UNITS = ['share', 'seconds', 'count', 'days', 'money', 'ratio', 'mean_score'] as const;

export const paramSchema = z.strictObject({
  type: z
    .enum(['number', 'bool', 'text', 'duration'], {
      error: 'a parameter type is number, bool, text or duration',
    })
    .describe('number | bool | text | duration'),
  default: z.union([z.number(), z.boolean(), z.string()], { error: 'expected a default value' }),
  description: text('what the parameter means'),
  values: z.array(z.string()).min(1).optional().describe('the allowed values of a text parameter'),
});

const specSchema = z.strictObject({
  label: z.strictObject({ singular: text('the singular label'), plural: text('the plural label') }),
  description: text('what the metric measures'),
  dataset: z.string({ error: 'expected a dataset name, e.g. interactions' }).describe('the dataset it reads'),
  type: z
    .enum(METRIC_TYPES, { error: `expected a type: one of ${METRIC_TYPES.join(', ')}` })
    .describe(METRIC_TYPES.join(' | ')),
  where: expression('the population, a condition').optional(),
  numerator: expression('share: the condition counted; ratio: the summed value').optional(),
  value: expression('mean: the value averaged').optional(),
  denominator: expression('ratio: the summed value divided by').optional(),
  direction: z
    .enum(['higher', 'lower', 'neutral'], { error: 'expected a direction: higher, lower or neutral' })
    .describe('higher | lower | neutral'),
  unit: z.enum(METRIC_UNITS, { error: `expected a unit: one of ${METRIC_UNITS.join(', ')}` }).optional(),
  params: z
    .record(z.string(), paramSchema, { error: 'params maps names to { type, default, description }' })
    .optional(),
});

export const metricSchema = envelopeSchema('Metric', specSchema, { what: 'metric' }).describe(
  'A client-defined Covenant metric (docs/custom-metrics.md)',
);

export type ParsedMetric = z.output<typeof metricSchema>;
