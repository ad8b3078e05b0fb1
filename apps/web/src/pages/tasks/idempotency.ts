import { useCallback, useRef } from 'react';

function randomKey(): string {
  // getRandomValues works on plain-http intranet hosts too, where crypto.randomUUID is absent.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per body being submitted: a retry of the same body after a network error
 * reuses it, so the server applies the completion once; a changed body, or one the server has
 * answered, gets a new key (the same key with another body would be a 409).
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const json = JSON.stringify(body);
    if (current.current?.body !== json) current.current = { key: randomKey(), body: json };
    return current.current.key;
  }, []);
  const answered = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, answered };
}
