import { metricInfo } from '../core/metric/catalog.js';
import type { Dialect } from '../core/sql/dialect.js';
import type { Sql } from '../core/sql/fragment.js';

/** `--explain`: each metric's written definition, then every statement with its bound values. */
export function explainText(ids: string[], statements: Sql[], dialect: Dialect): string {
  const parts = ids.map((id) => {
    const info = metricInfo(id.trim());
    return info
      ? `${info.id} (${info.unit}, ${info.direction} is better): ${info.formula}\n  n = ${info.n}; interval: ${info.interval}`
      : id;
  });
  for (const statement of statements) {
    const { text, params } = dialect.render(statement);
    parts.push(`-- ${dialect.name} SQL\n${text.trim()}\n-- bound values: ${JSON.stringify(params)}`);
  }
  return `${parts.join('\n\n')}\n\n`;
}
