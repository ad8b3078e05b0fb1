import type { WorkflowClientInterceptor } from '@temporalio/client';
import { noteWorkflowId } from '@hardtech/observability';

/**
 * Puts the id of the workflow a request acts on into that request's log context, so the API's
 * access log line says which lifecycle was started, updated, signalled or queried.
 */
export function logContextInterceptor(): WorkflowClientInterceptor {
  return {
    startWithDetails: (input, next) => (noteWorkflowId(input.options.workflowId), next(input)),
    signalWithStart: (input, next) => (noteWorkflowId(input.options.workflowId), next(input)),
    startUpdateWithStart: (input, next) => (
      noteWorkflowId(input.workflowStartOptions.workflowId),
      next(input)
    ),
    startUpdate: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
    signal: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
    query: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
    describe: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
    terminate: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
    cancel: (input, next) => (noteWorkflowId(input.workflowExecution.workflowId), next(input)),
  };
}
