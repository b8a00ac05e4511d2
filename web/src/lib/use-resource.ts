import { useCallback, useEffect, useRef, useState } from 'react';
import { useLive } from '../state/live';
import { apiGet, apiPost } from './api';
import type { MetricResult, QueryAnswer, QueryBody } from './types';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True while the first load of this key runs (a live refetch keeps the old data on screen). */
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Loads `key` with `load` and reloads it when the key changes, when `reload` is called and
 * on every data-version event. A null key loads nothing.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const { version } = useLive();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<Loaded<T>>({ key, loading: key !== null });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    void version;
    void nonce;
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((prev) =>
      prev.key === key ? { ...prev, loading: prev.data === undefined } : { key, loading: true },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, version, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || state.loading),
    reload,
  };
}

export const useGet = <T>(path: string | null): Resource<T> =>
  useResource<T>(path, (signal) => apiGet<T>(path ?? '', signal));

/** POST /api/query: the same engine and JSON as `covenant query` (its results; warnings explain empty ones). */
const ask = async (body: QueryBody | null, signal: AbortSignal): Promise<MetricResult[]> =>
  (await apiPost<QueryAnswer>('/query', body, signal)).results;

export const useQuery = (body: QueryBody | null): Resource<MetricResult[]> =>
  useResource(body ? JSON.stringify(body) : null, (signal) => ask(body, signal));

/** Several queries answered together (one key, one loading state). */
export const useQueries = (bodies: QueryBody[] | null): Resource<MetricResult[][]> =>
  useResource(bodies ? JSON.stringify(bodies) : null, (signal) =>
    Promise.all(bodies?.map((body) => ask(body, signal)) ?? []),
  );
