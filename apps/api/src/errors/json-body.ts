import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, t } from '@hardtech/domain';

/**
 * The JSON body parser, with its failures turned into domain errors here: Nest would otherwise
 * wrap them in a generic 400 and lose which failure it was (malformed, too large, bad charset).
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { type?: string }) => next(err ? bodyError(err, limit) : undefined));
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
