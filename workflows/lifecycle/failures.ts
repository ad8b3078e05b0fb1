import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@hardtech/domain';

/**
 * Domain errors cross the Temporal boundary as ApplicationFailures whose type is the machine code
 * and whose details carry status, bilingual text and field errors; libs/temporal turns them back.
 */
export function toFailure(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: [
      {
        status: error.status,
        code: error.code,
        text: error.text,
        details: error.details,
        ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
    ],
  });
}

/** Runs a check and rethrows its domain error as a failure Temporal transports intact. */
export function rethrowAsFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toFailure(e);
  }
}
