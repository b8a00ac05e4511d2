import type { Store } from '../store/store.js';
import { SessionCache } from './auth/middleware.js';
import { LoginLimiter } from './auth/rate-limit.js';
import { DataEvents } from './events.js';
import { jsonLogger, type Logger } from './logger.js';
import { ResultCache } from './result-cache.js';
import type { Principal } from './scope.js';

/** Everything a request handler may use; built once per server. */
export interface ServerDeps {
  store: Store;
  tenant: string;
  log: Logger;
  events: DataEvents;
  cache: ResultCache;
  limiter: LoginLimiter;
  sessions: SessionCache;
  /** Directory of the built dashboard (index.html and assets). */
  webRoot: string | null;
  secureCookies: boolean;
}

export type AppEnv = {
  Variables: { principal: Principal; requestId: string; csrf: string | null; store: Store };
};

export function serverDeps(store: Store, options: Partial<ServerDeps> & { tenant: string }): ServerDeps {
  return {
    store,
    log: options.log ?? jsonLogger(process.stderr),
    events: options.events ?? new DataEvents(),
    cache: options.cache ?? new ResultCache(),
    limiter: options.limiter ?? new LoginLimiter(),
    sessions: options.sessions ?? new SessionCache(),
    webRoot: options.webRoot ?? null,
    secureCookies: options.secureCookies ?? false,
    tenant: options.tenant,
  };
}
