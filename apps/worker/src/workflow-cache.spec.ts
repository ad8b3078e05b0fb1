import { cacheSizeFor, maxCachedWorkflows, PER_LIFECYCLE_MB, RESERVED_MB } from './workflow-cache';

describe('the worker’s workflow cache', () => {
  it('holds as many lifecycles as the heap has room for, beyond the reserve', () => {
    expect(cacheSizeFor(4144)).toBe(Math.floor((4144 - RESERVED_MB) / PER_LIFECYCLE_MB));
    // The default 4 GiB heap holds a 5,000-member pool; the SDK's own default (2,310) does not.
    expect(cacheSizeFor(4144)).toBeGreaterThan(5_000);
    expect(cacheSizeFor(1024)).toBeLessThan(cacheSizeFor(2048));
  });

  it('keeps a small cache on a small heap rather than none', () => {
    expect(cacheSizeFor(256)).toBe(10);
  });

  it('takes the configured size when there is one', () => {
    expect(maxCachedWorkflows(1234)).toBe(1234);
    expect(maxCachedWorkflows(0)).toBeGreaterThanOrEqual(10);
  });
});
