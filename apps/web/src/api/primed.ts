import { api, type Query } from './client';

/**
 * Requests sent before the page that reads them is there: the first page's list goes out beside its
 * chunk and GET /reference, as soon as the sign-in names the role (routes.tsx), rather than after the
 * chunk has come and the page's filters, views and table have rendered (the inbox asked for its
 * tasks 7 s after the login click under load). The page's useApi takes the answer, once, when its
 * first request is for exactly the same path and query, soon enough; otherwise it asks itself.
 */
const primed = new Map<string, { at: number; answer: Promise<unknown> }>();

/** An answer older than this is not taken: the page asks again (a page opened later, from the menu). */
const FRESH_MS = 10_000;

/** useApi's key of a request: its path and query, as the page passes them. */
export function requestKey(path: string, query?: Query): string {
  return `${path}?${JSON.stringify(query ?? {})}`;
}

/** Sends GET `path` now, for a page about to ask for it. */
export function prime(path: string, query?: Query): void {
  const key = requestKey(path, query);
  if (primed.has(key)) return;
  const answer = api(path, { query });
  // The page that takes it reports its failure; one never taken fails silently.
  answer.catch(() => undefined);
  primed.set(key, { at: Date.now(), answer });
}

/** The answer primed for `key`, once, if still fresh. */
export function takePrimed<T>(key: string): Promise<T> | undefined {
  const entry = primed.get(key);
  primed.delete(key);
  return entry && Date.now() - entry.at < FRESH_MS ? (entry.answer as Promise<T>) : undefined;
}

/** Forgets every primed answer (a sign-out; each component test). */
export function forgetPrimed(): void {
  primed.clear();
}
