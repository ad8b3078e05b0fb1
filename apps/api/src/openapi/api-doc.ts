import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorBodyDto } from '../dtos/error.dto';

/** The error answers an endpoint can give, each with the error body of docs/api.md. */
export type DocumentedError = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

const ERROR_TEXT: Record<DocumentedError, string> = {
  400: 'malformed JSON, invalid or unknown field (details name each field)',
  401: 'no token, or an invalid, expired or signed-out one',
  403: 'outside the caller’s role (read-only roles may not write)',
  404: 'unknown, or outside the caller’s scope',
  409: 'conflict with the current state (e.g. task already completed or claimed by someone else)',
  413: 'request body larger than BODY_LIMIT',
  422: 'valid input that the rules refuse',
  429: 'too many attempts',
};

export interface DocOptions {
  summary: string;
  description?: string;
  /**
   * The success body's type; `[Type]` for an array; a media type for a file download; a schema for
   * payloads described in the form language (see form-schema.ts).
   */
  ok: Type<unknown> | [Type<unknown>] | { file: string } | { schema: SchemaObject } | null;
  /**
   * 200 unless given; 201 for creations; 204 (with `ok: null`) when there is nothing to answer; 302
   * (with `ok: null`) for a browser sent elsewhere (single sign-on).
   */
  status?: 200 | 201 | 204 | 302;
  errors: DocumentedError[];
}

/**
 * One decorator per endpoint for its whole contract: summary, the success body and every error
 * answer. test/api/openapi.test.ts checks that no endpoint goes without.
 */
export function ApiDoc(o: DocOptions): MethodDecorator {
  const status = o.status ?? 200;
  const success =
    o.ok === null
      ? ApiResponse({
          status,
          description: status === 302 ? 'the browser is sent on (Location)' : 'done, nothing to answer',
        })
      : 'schema' in o.ok
        ? ApiResponse({ status, description: 'success', schema: o.ok.schema })
        : 'file' in o.ok
          ? ApiResponse({
              status,
              description: 'the file',
              content: { [o.ok.file]: { schema: { type: 'string', format: 'binary' } } },
            })
          : Array.isArray(o.ok)
            ? ApiResponse({ status, type: o.ok[0], isArray: true, description: 'success' })
            : ApiResponse({ status, type: o.ok, description: 'success' });
  return applyDecorators(
    ApiOperation({ summary: o.summary, description: o.description }),
    HttpCode(status),
    success,
    ...o.errors.map((e) => ApiResponse({ status: e, type: ErrorBodyDto, description: ERROR_TEXT[e] })),
  );
}

/**
 * The optional Idempotency-Key of a task action (its text: what a key applies once); lower case, as
 * @Headers() documents it: one parameter, not two.
 */
export function ApiIdempotencyKey(
  description = '1–200 visible ASCII characters. The action is applied once per key and body: sent again (after a 503 WORKFLOW_TASK_RETRYING, a lost answer) it answers as the first send did; another body under the same key is another action.',
): MethodDecorator {
  return ApiHeader({ name: 'idempotency-key', required: false, description });
}
