import type { Store } from '../store/store.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { DataEvents } from './events.js';
import { jsonLogger, type Logger } from './logger.js';
import { ResultCache } from './result-cache.js';
import type { Principal } from './scope.js';

/** Everything a request handler may use; built once per server. */
export interface ServerDeps {
  /** The whole store: every tenant's. A request's tenant is its principal's (auth/middleware.ts tenantOf). */
  store: Store;
  log: Logger;
  events: DataEvents;
  cache: ResultCache;
  limiter: LoginLimiter;
  /** Directory of the built dashboard (index.html and assets). */
  webRoot: string | null;
  /** Secure cookies and HSTS: set when the server is reached over HTTPS (--public-url https://...). */
  secureCookies: boolean;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (--trust-proxy). */
  trustProxy: string[];
  /** Largest request body in bytes (JSON and forms); larger answers 413. */
  bodyLimit: number;
  /** Largest upload to the import route in bytes (--max-import-mb). */
  importLimit: number;
  /** Longest a request may run before it answers 503 (ms). */
  requestTimeoutMs: number;
}

export type AppEnv = {
  Variables: { principal: Principal; requestId: string; csrf: string | null; store: Store };
};

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_IMPORT_LIMIT = 1024 * 1024 * 1024;

export function serverDeps(store: Store, options: Partial<ServerDeps> = {}): ServerDeps {
  return {
    store,
    log: options.log ?? jsonLogger(process.stdout),
    events: options.events ?? new DataEvents(),
    cache: options.cache ?? new ResultCache(),
    limiter: options.limiter ?? new LoginLimiter(),
    webRoot: options.webRoot ?? null,
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? [],
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    importLimit: options.importLimit ?? DEFAULT_IMPORT_LIMIT,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };
}
