import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { type ServerDeps, serverDeps } from './deps.js';

/** dist/web beside dist/server (built), or the repo's dist/web when run from source. */
export function defaultWebRoot(): string | null {
  for (const candidate of ['../web/', '../../dist/web/']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}index.html`)) return path;
  }
  return null;
}

export interface RunningServer {
  url: string;
  deps: ServerDeps;
  /**
   * Stops within `graceMs`: no new connections, event streams end at once, in-flight
   * requests get until the grace runs out, then every connection is cut.
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts the server on a port (0 = any free one) on the loopback address unless told otherwise. */
export function startServer(
  store: Store,
  options: { port: number; host?: string; deps?: Partial<ServerDeps> },
): Promise<RunningServer> {
  const deps = serverDeps(store, { webRoot: defaultWebRoot(), ...options.deps });
  const app = createApp(deps);
  // Another process (the CLI) changed a shared store: cached results expire, dashboards refetch.
  store.onExternalChange?.(() => deps.events.bump('import or change by another process'));
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' },
      (info) => {
        const http = server as import('node:http').Server;
        resolve({
          url: `http://${options.host ?? '127.0.0.1'}:${info.port}`,
          deps,
          close: (graceMs = 4_000) =>
            new Promise((done) => {
              const cut = setTimeout(() => http.closeAllConnections(), graceMs);
              http.close(() => {
                clearTimeout(cut);
                done();
              });
              deps.events.shutdown();
              http.closeIdleConnections();
            }),
        });
      },
    );
  });
}
