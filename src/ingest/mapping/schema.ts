import { z } from 'zod';

/** The shape of a mapping file; meaning (datasets, columns, expressions) is checked in rules.ts. */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected a text, number or boolean value (or null)',
});
const expression = z.string({ error: 'expected an expression (a string)' }).min(1, 'the expression is empty');

export const envelopeSchema = z.strictObject({
  apiVersion: z.literal('covenant/v1', { error: 'apiVersion must be covenant/v1' }),
  kind: z.literal('Mapping', { error: 'kind must be Mapping' }),
  metadata: z.strictObject({
    name: z
      .string({ error: 'expected a name' })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'name: lowercase letters, digits, ".", "_" and "-", e.g. acme-crm'),
    displayName: z.string().optional(),
    description: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    dataset: z.string({ error: 'expected a dataset name' }),
    description: z.string().optional(),
    timezone: z.string({ error: 'expected an IANA time zone, e.g. Europe/Lisbon' }).optional(),
    filter: z
      .union([expression, z.array(expression)], { error: 'filter is an expression or a list of expressions' })
      .optional(),
    columns: z.record(z.string(), z.unknown(), { error: 'columns maps canonical column names to rules' }),
  }),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export const constSchema = z.strictObject({ const: scalar });

export const valuesSchema = z.strictObject({
  from: expression,
  values: z.record(z.string(), scalar, { error: 'values maps source values to canonical values' }),
  default: scalar.optional(),
});

export const datetimeSchema = z.strictObject({
  date: expression,
  time: expression.optional(),
  dateFormat: z.string().min(1).optional(),
  timeFormat: z.string().min(1).optional(),
  timezone: z.string().optional(),
});
