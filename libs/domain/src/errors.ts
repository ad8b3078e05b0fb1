import { Text, t } from './text';

/**
 * Domain errors carry a machine code and an HTTP status so that every layer (API filter, workflow
 * update validator, client mapping) speaks the same language. Mapped to HTTP in one place:
 * apps/api/src/errors/api-exception.filter.ts.
 */
export interface FieldError {
  field: string;
  text: Text;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export class DomainError extends Error {
  /** For a 429: when the caller may try again, answered as `Retry-After` (seconds). */
  retryAfterSeconds?: number;

  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly text: Text,
    readonly details: FieldError[] = [],
  ) {
    super(`${text.zh} (${text.en})`);
    this.name = 'DomainError';
  }
}

/** 400: the input is malformed or a field is invalid. */
export class InvalidInput extends DomainError {
  constructor(details: FieldError[], text: Text = summarize(details)) {
    super(400, 'VALIDATION_FAILED', text, details);
  }
}

/** 422: valid input that the policy's rules refuse. */
export class RuleViolation extends DomainError {
  constructor(code: string, text: Text, details: FieldError[] = []) {
    super(422, code, text, details);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, text: Text) {
    super(409, code, text);
  }
}

export class NotFound extends DomainError {
  constructor(code: string, text: Text) {
    super(404, code, text);
  }
}

export class Forbidden extends DomainError {
  constructor(code: string, text: Text) {
    super(403, code, text);
  }
}

/** 429: allowed, but not again so soon (e.g. 催办 once per 4 working hours). */
export class TooSoon extends DomainError {
  constructor(code: string, text: Text, retryAfterSeconds: number) {
    super(429, code, text);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

function summarize(details: FieldError[]): Text {
  if (details.length === 0) return t('输入无效', 'Invalid input');
  return {
    zh: details.map((d) => `${d.field}: ${d.text.zh}`).join('；'),
    en: details.map((d) => `${d.field}: ${d.text.en}`).join('; '),
  };
}
