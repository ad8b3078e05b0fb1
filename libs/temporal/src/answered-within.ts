/**
 * A call to Temporal given up after `ms` (rejects; the call itself goes on): a query to a workflow
 * whose task queue has no worker answers nothing, and the client would wait its whole RPC deadline.
 */
export function answeredWithin<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
