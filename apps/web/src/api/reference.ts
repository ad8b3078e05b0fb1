import { type ReactNode, useEffect, useState } from 'react';
import { api } from './client';
import type { Reference } from './types';

// Reference data changes only when an administrator edits clusters: one request per page load.
let cached: Promise<Reference> | null = null;
/** The answer once it is here, read by every later render without waiting for an effect. */
let resolved: Reference | undefined;

export function loadReference(): Promise<Reference> {
  cached ??= api<Reference>('/reference').then(
    (reference) => (resolved = reference),
    (e) => {
      cached = null;
      throw e;
    },
  );
  return cached;
}

/** Asks for the reference now (beside GET /me), so that the first page need not wait for it after. */
export function prefetchReference(): void {
  loadReference().catch(() => undefined);
}

/** Forgets the answer, as a new page load would: each component test asks its own fake API. */
export function forgetReference(): void {
  cached = null;
  resolved = undefined;
}

/** Waits before asking again after a failed request: 1, 2, 4, 8 and 16 s. */
const RETRY_MS = [1000, 2000, 4000, 8000, 16000];

/**
 * Districts, clusters, stages, task types and roles with their labels; undefined while loading.
 * Behind ReferenceGate (every signed-in page) it is there from the first render. A failed request
 * is asked again: a page that kept undefined showed codes (ADMIT, screening) in place of their
 * names until it was reloaded.
 */
export function useReference(): Reference | undefined {
  const [reference, setReference] = useState(resolved);
  useEffect(() => {
    if (reference) return;
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
  }, [reference]);
  return reference;
}

/**
 * Renders `children` once the reference has answered (or failed once, when they show codes and ask
 * again): a page never shows a district's or cluster's code first and its name a moment later,
 * and a test reading a name after the page's data has come cannot find the code instead.
 */
export function ReferenceGate({ children, waiting }: { children: ReactNode; waiting: ReactNode }) {
  const [settled, setSettled] = useState(resolved !== undefined);
  useEffect(() => {
    if (settled) return;
    let live = true;
    const settle = () => live && setSettled(true);
    loadReference().then(settle, settle);
    return () => {
      live = false;
    };
  }, [settled]);
  return settled ? children : waiting;
}
