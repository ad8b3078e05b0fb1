import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, Query } from './client';
import { Answer, fillPath, Loose, PathOf, PathParams, QueryOf } from './contract';
import { requestKey, takePrimed } from './primed';

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
  const key = path === null ? null : requestKey(path, query);
  const latest = useRef(0);

  useEffect(() => {
    if (key === null || path === null) return;
    const request = ++latest.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    // Sent already as the route was entered (primed.ts): taken by the first request, never a reload's.
    const primed = tick === 0 ? takePrimed<T>(key) : undefined;
    (primed ?? api<T>(path, { query, signal: controller.signal })).then(
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

/**
 * useApi for a path of the API's document (contract.ts): the answer's type comes from it, and the
 * `{name}` parameters and the query are checked against it. null as the path waits. `T`: a page's
 * narrower view of the answer (contract.ts Refine), which must still be one: else the page reads
 * `Loaded<never>`, and its first use of the data fails the type check. Checked in the answer's
 * type (for the path the page names) rather than as T's bound: the bound, worked out over every
 * GET path's answer at once, passed TypeScript's limit on union size (TS2590) once the document
 * had one more path.
 */
export function useGet<P extends PathOf<'get'>, T = Answer<P>>(
  path: P | null,
  options: { params?: PathParams<P>; query?: QueryOf<P> } = {},
): Loaded<T extends Loose<Answer<P>> ? T : never> {
  const loaded = useApi<T>(
    path === null ? null : fillPath(path, options.params ?? {}),
    options.query as Query,
  );
  return loaded as Loaded<T extends Loose<Answer<P>> ? T : never>;
}
