import { z } from 'zod';

/**
 * The envelope every Covenant document kind shares (Contract, Mapping, Metric, RFP,
 * RFPResponse, RFPScores): `apiVersion: covenant/v1`, `kind`, `metadata` and `spec`.
 * Defined once so every kind accepts the same metadata and the same names.
 */

export const API_VERSION = 'covenant/v1';

/** Lowercase words of letters and digits joined by one '-', '_' or '.': card-disputes, self_service. */
export const NAME_PATTERN = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

export const documentName = (what: string) =>
  z
    .string({ error: `expected ${what}: lowercase letters and digits, words joined by '-', '_' or '.'` })
    .regex(
      NAME_PATTERN,
      `${what}: lowercase letters and digits, words joined by one '-', '_' or '.' (e.g. card-disputes), not "{written}"`,
    )
    .describe(`${what}: lowercase letters and digits, words joined by '-', '_' or '.'`);

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .min(1, `${what} is empty`)
    .describe(what);

const stringMap = (what: string) =>
  z.record(z.string(), z.string({ error: `${what} values are text` }), {
    error: `${what} maps names to text`,
  });

/** The metadata of every kind; a kind may add fields (a Contract's version). */
export const metadataShape = (what: string) => ({
  name: documentName(`the ${what} name`),
  displayName: text('a display name').optional(),
  description: text('a description').optional(),
  labels: stringMap('labels').optional(),
  annotations: stringMap('annotations').optional(),
});

/** The envelope schema of `kind` around its spec schema (and extra metadata fields). */
export function envelopeSchema<
  K extends string,
  S extends z.ZodType,
  M extends z.ZodRawShape = Record<never, never>,
>(kind: K, spec: S, options: { what: string; metadata?: M }) {
  return z.strictObject({
    apiVersion: z.literal(API_VERSION, { error: `apiVersion must be ${API_VERSION}` }),
    kind: z.literal(kind, { error: `kind must be ${kind}` }),
    metadata: z.strictObject({ ...metadataShape(options.what), ...(options.metadata ?? ({} as M)) }),
    spec,
  });
}

/** The metadata every kind's parsed value carries, from the envelope's metadata. */
export interface Metadata {
  name: string;
  displayName?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
