import { z } from '@hono/zod-openapi';

/** What every area of the API shares: the error body, and a record for deeply nested parts. */

export const ApiError = z
  .object({ error: z.string(), issues: z.array(z.unknown()).optional() })
  .openapi('Error');

/** A record: the full shape is a core type, named where it is used. */
export const Loose = z.record(z.string(), z.unknown());
