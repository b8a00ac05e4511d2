/**
 * Structured JSON lines, one per event, to stdout (where containers and process managers
 * collect them). Callers pass fields they choose; nothing here reads bodies or headers.
 * As a second guard, a field named like a secret is written as "[redacted]" and a URL's
 * password is cut, so a careless caller still cannot log a password, cookie or token.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are never written (any case, any prefix: csrfToken, x-api-key). */
const SECRET_FIELD = /passw(or)?d|passphrase|secret|token|cookie|authori[sz]ation|api[-_]?key|credential/i;
/** user:password@ in any URL-like text. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(URL_PASSWORD, '$1:[redacted]@');
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/** Writes lines at `minimum` and above; below it, nothing is formatted at all. */
export const jsonLogger =
  (out: NodeJS.WritableStream, minimum: LogLevel = 'info'): Logger =>
  (level, message, fields = {}) => {
    if (RANK[level] < RANK[minimum]) return;
    const line = {
      time: new Date().toISOString(),
      level,
      message: redact(message),
      ...(redact(fields) as object),
    };
    out.write(`${JSON.stringify(line)}\n`);
  };

export const silentLogger: Logger = () => undefined;
