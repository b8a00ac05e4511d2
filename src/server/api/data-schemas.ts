import { z } from '@hono/zod-openapi';

/** Data: an import's summary and the sites. */

export const ImportSummary = z
  .object({
    file: z.string(),
    dataset: z.string(),
    read: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    replaced: z.number(),
    rejects: z.array(
      z.object({
        line: z.number().nullable(),
        column: z.string().nullable(),
        value: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('ImportSummary');

export const Site = z.object({ site: z.string(), vendor: z.string(), timezone: z.string() }).openapi('Site');

export type SiteT = z.infer<typeof Site>;
