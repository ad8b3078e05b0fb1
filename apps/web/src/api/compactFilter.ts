/**
 * A filter without its empty entries (unset, blank or false): what a saved view stores, and what
 * an address shows.
 */
export function compactFilter<T extends object>(filter: T): T {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
  ) as T;
}
