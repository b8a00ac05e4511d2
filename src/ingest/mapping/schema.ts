import { z } from 'zod';
import { envelopeSchema as envelopeOf } from '../../core/yaml/envelope.js';
import { ENCODINGS } from '../read-options.js';

/** The shape of a mapping file; meaning (datasets, columns, expressions) is checked in rules.ts. */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected a text, number or boolean value (or null)',
});
const expression = z.string({ error: 'expected an expression (a string)' }).min(1, 'the expression is empty');

/** How the file is read (docs/imports.md): the same options as `covenant import`'s flags. */
export const readOptionsSchema = z.strictObject({
  delimiter: z
    .string({ error: 'expected one character, e.g. ";"' })
    .refine((d) => [...d].length === 1 || d === '\\t', 'the delimiter is one character (or \\t)')
    .optional(),
  encoding: z.enum(ENCODINGS, { error: `expected an encoding: one of ${ENCODINGS.join(', ')}` }).optional(),
  decimal: z.enum(['.', ','], { error: 'the decimal separator is "." or ","' }).optional(),
  header: z.int({ error: 'the header row is a whole number from 1' }).min(1).max(1000).optional(),
  sheet: z
    .union([z.string().min(1), z.int().min(1)], { error: 'a sheet is a name or a number from 1' })
    .optional(),
  records: z
    .string({ error: 'the key of the array of records, e.g. conversations' })
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
      'a key path like conversations or data.items',
    )
    .optional(),
});

export const envelopeSchema = envelopeOf(
  'Mapping',
  z.strictObject({
    dataset: z.string({ error: 'expected a dataset name' }),
    description: z.string().optional(),
    timezone: z.string({ error: 'expected an IANA time zone, e.g. Europe/Lisbon' }).optional(),
    read: readOptionsSchema.optional(),
    filter: z
      .union([expression, z.array(expression)], { error: 'filter is an expression or a list of expressions' })
      .optional(),
    columns: z.record(z.string(), z.unknown(), { error: 'columns maps canonical column names to rules' }),
  }),
  { what: 'mapping' },
);

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
