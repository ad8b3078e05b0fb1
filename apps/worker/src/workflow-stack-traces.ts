import { isMainThread } from 'node:worker_threads';
import { GlobalHandlers } from '@temporalio/worker/lib/workflow/vm-shared';

/**
 * The SDK records, for every promise a workflow creates, a source-mapped stack trace (a new Error's
 * `.stack` in a V8 promise hook), only to answer the stack-trace query (Temporal UI's "Stack Trace"
 * tab). The bench's profile found that hook the largest single cost in the workflow thread: a
 * recorded lifecycle replays with a third less CPU without it (docs/design.md, "What a completion
 * costs"). Unless WORKFLOW_STACK_TRACES is on, the workflow threads start without it, in the SDK's
 * own mode for runtimes without promise hooks: the query answers that stack traces are not enabled;
 * errors and failures keep their source-mapped stacks; workflow code runs as before.
 */
export function withoutWorkflowStackTraces(): void {
  // The module object itself (not an import's copy of it): the SDK reads `.Worker` from it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads: typeof import('node:worker_threads') = require('node:worker_threads');
  const SdkWorker = threads.Worker;
  threads.Worker = class extends SdkWorker {
    constructor(file: string | URL, options: import('node:worker_threads').WorkerOptions = {}) {
      // The SDK starts its workflow threads with `new Worker(file)`: they load this file first. The
      // thread keeps the process's options (execArgv may not name the process-wide ones again).
      const workflowThread = typeof file === 'string' && file.endsWith('workflow-worker-thread.js');
      const first = `require(${JSON.stringify(__filename)}); require(${JSON.stringify(file)});`;
      super(workflowThread ? first : file, workflowThread ? { ...options, eval: true } : options);
    }
  };
}

// In a workflow thread (loaded first, above), before the SDK installs its hooks there.
if (!isMainThread) {
  (GlobalHandlers.prototype as any).setPromiseHook = () => undefined; // promiseHookInstalled stays false
}
