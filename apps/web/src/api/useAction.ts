import { useCallback, useState } from 'react';

export interface Action<A extends unknown[], T> {
  run(...args: A): Promise<T | undefined>;
  busy: boolean;
  /** The last refusal; cleared when the action runs again. */
  error: Error | undefined;
  /** The answer of the last run that succeeded. */
  result: T | undefined;
}

/** A button's request (save, verify, trigger): busy while it runs, then its answer or its refusal. */
export function useAction<A extends unknown[], T>(request: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<{ busy: boolean; error?: Error; result?: T }>({ busy: false });
  const run = useCallback(
    async (...args: A) => {
      setState((s) => ({ ...s, busy: true, error: undefined }));
      try {
        const result = await request(...args);
        setState({ busy: false, result });
        return result;
      } catch (error) {
        setState((s) => ({ ...s, busy: false, error: error as Error }));
        return undefined;
      }
    },
    [request],
  );
  return { run, busy: state.busy, error: state.error, result: state.result };
}
