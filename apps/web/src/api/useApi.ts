import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, Query } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * GET under /api, again whenever the path or query changes; a late answer to an earlier query
 * never overwrites a newer one. Pass null as the path to wait (e.g. for a route parameter).
 */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const latest = useRef(0);

  useEffect(() => {
    if (key === null || path === null) return;
    const request = ++latest.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { query, signal: controller.signal }).then(
      (data) => request === latest.current && setState({ data, loading: false }),
      (error: Error) =>
        request === latest.current && error.name !== 'AbortError' && setState({ error, loading: false }),
    );
    return () => controller.abort();
    // `key` stands for path and query, which are new objects on every render.
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
