import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, t } from '@hardtech/domain';

/** Bodies the API reads: JSON everywhere, multipart for file uploads (Excel import). */
const ACCEPTED_TYPES = /^(application\/([\w.+-]*\+)?json|multipart\/form-data)\s*(;|$)/i;

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The JSON body parser, with its failures turned into domain errors here: Nest would otherwise
 * wrap them in a generic 400 and lose which failure it was (malformed, too large, bad charset).
 * A body of another type is a 415 rather than silently ignored.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasBody(req) && !ACCEPTED_TYPES.test(req.headers['content-type'] ?? '')) {
      return next(
        new DomainError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          t('请求体应为JSON（Content-Type: application/json）', 'the body must be JSON (application/json)'),
        ),
      );
    }
    parse(req, res, (err?: { type?: string }) => next(err ? bodyError(err, limit) : undefined));
  };
}

function bodyError(err: { type?: string }, limit: string): DomainError {
  switch (err.type) {
    case 'entity.too.large':
      return new DomainError(413, 'PAYLOAD_TOO_LARGE', t(`请求体超过 ${limit}`, `the body exceeds ${limit}`));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(415, 'UNSUPPORTED_ENCODING', t('不支持的字符编码', 'unsupported encoding'));
    default:
      return new DomainError(400, 'MALFORMED_JSON', t('请求体不是有效的JSON', 'the body is not valid JSON'));
  }
}
