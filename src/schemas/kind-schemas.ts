import { z } from 'zod';
import { contractSchema } from '../core/contract/schema.js';
import { identityProviderSchema } from '../core/identity/schema.js';
import { metricSchema } from '../core/metric/custom/schema.js';
import { responseSchema, rfpSchema, scoresSchema } from '../core/rfp/schema.js';
import { envelopeSchema as mappingSchema } from '../ingest/mapping/schema.js';

/**
 * The JSON Schema of every YAML kind, generated from the zod schema its parser validates
 * with, so editor checks and the parser cannot drift. `npm run schemas` writes them under
 * schemas/; schemas.test.ts fails when a committed file is not what this generates.
 * Each `$id` is the file's own name: a relative URI resolves against where the schema was
 * read from, so it names the file in the package wherever the package is installed.
 * They describe the file as written (12%, 7d, "4.20"); cross-field rules are the parser's.
 */
export interface KindSchema {
  kind: string;
  /** File name under schemas/. */
  file: string;
  title: string;
  schema: z.ZodType;
}

export const KIND_SCHEMAS: readonly KindSchema[] = [
  {
    kind: 'Contract',
    file: 'contract.schema.json',
    title: 'Covenant Contract (covenant/v1)',
    schema: contractSchema,
  },
  {
    kind: 'Mapping',
    file: 'mapping.schema.json',
    title: 'Covenant Mapping (covenant/v1)',
    schema: mappingSchema,
  },
  {
    kind: 'Metric',
    file: 'metric.schema.json',
    title: 'Covenant Metric (covenant/v1)',
    schema: metricSchema,
  },
  { kind: 'RFP', file: 'rfp.schema.json', title: 'Covenant RFP (covenant/v1)', schema: rfpSchema },
  {
    kind: 'RFPResponse',
    file: 'rfp-response.schema.json',
    title: 'Covenant RFP response (covenant/v1)',
    schema: responseSchema,
  },
  {
    kind: 'RFPScores',
    file: 'rfp-scores.schema.json',
    title: 'Covenant RFP scores (covenant/v1)',
    schema: scoresSchema,
  },
  {
    kind: 'IdentityProvider',
    file: 'identity-provider.schema.json',
    title: 'Covenant identity provider (covenant/v1)',
    schema: identityProviderSchema,
  },
];

export function jsonSchemaOf(entry: KindSchema): Record<string, unknown> {
  const schema = z.toJSONSchema(entry.schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return { ...schema, $id: entry.file, title: entry.title };
}

/** The text committed under schemas/: two-space JSON and a final newline. */
export const jsonSchemaText = (entry: KindSchema): string =>
  `${JSON.stringify(jsonSchemaOf(entry), null, 2)}\n`;
