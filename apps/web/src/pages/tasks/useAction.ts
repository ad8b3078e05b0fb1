import { useCallback, useState } from 'react';

/** A user's action against the API: busy while it runs, its refusal kept to be shown. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
