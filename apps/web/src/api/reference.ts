import { useEffect, useState } from 'react';
import { api } from './client';
import type { Reference } from './types';

// Reference data changes only when an administrator edits clusters: one request per page load.
let cached: Promise<Reference> | null = null;

export function loadReference(): Promise<Reference> {
  cached ??= api<Reference>('/reference').catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** Waits before asking again after a failed request: 1, 2, 4, 8 and 16 s. */
const RETRY_MS = [1000, 2000, 4000, 8000, 16000];

/**
 * Districts, clusters, stages, task types and roles with their labels; undefined while loading.
 * A failed request is asked again: a page that kept undefined showed codes (ADMIT, screening) in
 * place of their names until it was reloaded.
 */
export function useReference(): Reference | undefined {
  const [reference, setReference] = useState<Reference>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) =>
      loadReference().then(
        (r) => live && setReference(r),
        () => {
          if (live && n < RETRY_MS.length) timer = setTimeout(() => attempt(n + 1), RETRY_MS[n]);
        },
      );
    attempt(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return reference;
}
