import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { tableWorkbook } from '../../contracts/table-xlsx.js';
import { toCsv } from '../../core/export/csv.js';
import type { AppEnv, ServerDeps } from '../deps.js';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const cell = z.string().max(2_000);
const TableBody = z.object({
  title: z.string().max(200),
  header: z.array(cell).min(1).max(100),
  rows: z.array(z.array(cell).max(100)).max(20_000),
});

/**
 * POST /api/export/table.csv|.xlsx: a table the dashboard shows (what the signed-in user
 * already sees, sent back as its cells), as a file: the project's one CSV writer and the
 * workbook writer, both making formula-like text inert.
 */
export function tableExportRoutes(app: OpenAPIHono<AppEnv>, _deps: ServerDeps): void {
  for (const format of ['csv', 'xlsx'] as const)
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/export/table.${format}`,
        operationId: `exportTable${format[0]?.toUpperCase()}${format.slice(1)}`,
        summary: `A table of the dashboard as ${format.toUpperCase()}`,
        tags: ['exports'],
        request: { body: { content: { 'application/json': { schema: TableBody } }, required: true } },
        responses: {
          200: {
            content: { [TYPES[format]]: { schema: z.string().openapi({ format: 'binary' }) } },
            description: `the table as ${format === 'csv' ? 'CSV' : 'a one-sheet workbook'}, text cells inert`,
          },
        },
      }),
      async (c) => {
        const { title, header, rows } = c.req.valid('json');
        const body =
          format === 'csv'
            ? Buffer.from(toCsv(header, rows), 'utf8')
            : await tableWorkbook(title, header, rows);
        const name = `${title.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'table'}.${format}`;
        return c.body(new Uint8Array(body), 200, {
          'content-type': TYPES[format],
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'private, no-store',
        });
      },
    );
}
