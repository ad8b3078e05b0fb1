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

/** Districts, clusters, stages, task types and roles with their labels; undefined while loading. */
export function useReference(): Reference | undefined {
  const [reference, setReference] = useState<Reference>();
  useEffect(() => {
    let live = true;
    loadReference().then(
      (r) => live && setReference(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return reference;
}
