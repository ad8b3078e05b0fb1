import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line of one request carries: its id, the actor once authenticated and the
 * workflow it touched. Kept in AsyncLocalStorage, so services log without passing it around.
 */
export class LogContext {
  workflowId?: string;

  constructor(
    readonly requestId: string,
    private readonly actorOf: () => string | undefined = () => undefined,
  ) {}

  get actor(): string | undefined {
    return this.actorOf();
  }

  fields(): Record<string, string> {
    const fields: Record<string, string> = { requestId: this.requestId };
    const actor = this.actor;
    if (actor) fields.actor = actor;
    if (this.workflowId) fields.workflowId = this.workflowId;
    return fields;
  }
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/** Records the workflow the current request acts on (the Temporal client interceptor calls it). */
export function noteWorkflowId(workflowId: string): void {
  const context = storage.getStore();
  if (context && !context.workflowId) context.workflowId = workflowId;
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** A caller's X-Request-Id when it is sane (echoed back and logged), else a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
