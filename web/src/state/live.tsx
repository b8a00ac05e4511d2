import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/**
 * Server-sent events from /api/events: every `data-version` event (an import landed)
 * bumps `version`, and every resource on screen refetches (use-resource.ts).
 */
export interface LiveState {
  /** Bumped on every data-version event: resources depend on it. */
  version: number;
  /** The server's data version as sent, when it sent one. */
  serverVersion: string | null;
  /** When the data on screen was last (re)loaded because of a version. */
  updatedAt: Date;
  connected: boolean;
}

const LiveContext = createContext<LiveState>({
  version: 0,
  serverVersion: null,
  updatedAt: new Date(),
  connected: false,
});

export const useLive = (): LiveState => useContext(LiveContext);

/** The version text of an event: `{"version": 7}`, `7` or anything else as sent. */
function versionOf(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && 'version' in parsed) return String(parsed.version);
    return String(parsed);
  } catch {
    return data;
  }
}

export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [state, setState] = useState<LiveState>(() => ({
    version: 0,
    serverVersion: null,
    updatedAt: new Date(),
    connected: false,
  }));

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    // The server sends its current version on connect: only a version that differs from the
    // last one seen means new data (an import, or one missed while disconnected).
    let seen: string | null = null;
    const onVersion = (event: MessageEvent<string>) => {
      const next = versionOf(event.data);
      const changed = seen !== null && next !== seen;
      seen = next;
      setState((prev) =>
        changed
          ? { version: prev.version + 1, serverVersion: next, updatedAt: new Date(), connected: true }
          : { ...prev, serverVersion: next, connected: true },
      );
    };
    source.addEventListener('data-version', onVersion);
    source.onopen = () => setState((prev) => ({ ...prev, connected: true }));
    source.onerror = () => setState((prev) => ({ ...prev, connected: false }));
    return () => {
      source.removeEventListener('data-version', onVersion);
      source.close();
    };
  }, [enabled]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}
