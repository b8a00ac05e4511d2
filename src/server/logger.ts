/**
 * Structured JSON lines. Callers pass fields they choose; nothing here reads bodies or
 * headers, so passwords, cookies and tokens never reach a log.
 */
export type Logger = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export const jsonLogger =
  (out: NodeJS.WritableStream): Logger =>
  (level, message, fields = {}) =>
    out.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);

export const silentLogger: Logger = () => undefined;
