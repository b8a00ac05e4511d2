import { useCallback, useEffect, useState } from 'react';

/** Client-side routes in the URL hash: `#/contracts/x?period=2026-Q3`. */
export interface Route {
  /** Path segments: `#/contracts/x` -> ['contracts', 'x']. */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path = '', search = ''] = text.split('?', 2);
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  return { segments, query: new URLSearchParams(search) };
}

/** `#/a/b?x=1` from segments and query values (empty values left out). */
export function hrefOf(segments: string[], query: Record<string, string | null | undefined> = {}): string {
  const path = segments.map((s) => encodeURIComponent(s)).join('/');
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(href: string, replace = false): void {
  if (replace) {
    window.history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Reads one query value of the current route and writes it back (replacing the history entry). */
export function useRouteParam(route: Route, name: string): [string | null, (value: string | null) => void] {
  const value = route.query.get(name);
  const set = useCallback(
    (next: string | null) => {
      const current = parseHash(window.location.hash);
      const query: Record<string, string> = Object.fromEntries(current.query.entries());
      if (next) query[name] = next;
      else delete query[name];
      navigate(hrefOf(current.segments, query), true);
    },
    [name],
  );
  return [value, set];
}

/** Sets several query values of the current route at once (null removes one), replacing the history entry. */
export function updateQuery(updates: Record<string, string | null>): void {
  const current = parseHash(window.location.hash);
  const query: Record<string, string> = Object.fromEntries(current.query.entries());
  for (const [name, value] of Object.entries(updates)) {
    if (value) query[name] = value;
    else delete query[name];
  }
  navigate(hrefOf(current.segments, query), true);
}
