import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, FieldError, localize, Text, t } from '@hardtech/domain';
import { domainErrorFrom } from '@hardtech/temporal';
import { localeOf } from './locale';
import { RETRY_AFTER_SECONDS, unavailableAnswer } from './unavailable';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Errors that Nest or Express raise before our code runs, with the code and text we answer. */
const HTTP_DEFAULTS: Record<number, { code: string; text: Text }> = {
  400: { code: 'BAD_REQUEST', text: t('请求无效', 'bad request') },
  401: { code: 'UNAUTHENTICATED', text: t('请先登录', 'authentication required') },
  403: { code: 'FORBIDDEN', text: t('无权执行该操作', 'not allowed') },
  404: { code: 'NOT_FOUND', text: t('资源不存在', 'not found') },
  405: { code: 'METHOD_NOT_ALLOWED', text: t('不支持该请求方法', 'method not allowed') },
  413: { code: 'PAYLOAD_TOO_LARGE', text: t('请求内容过大', 'request body too large') },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', text: t('不支持的内容类型', 'unsupported media type') },
  429: {
    code: 'TOO_MANY_REQUESTS',
    text: t('请求过于频繁，请稍后再试', 'too many requests, try again later'),
  },
};

/**
 * The one place errors become HTTP answers, in the body of docs/api.md:
 * `{statusCode, error, code, message, details: [{field, message}]}`. Bad input is always a 4xx.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const locale = localeOf(req);
    const { status, code, text, details, retryAfterSeconds } = this.describe(exception, req);
    // A gRPC status (Temporal's) is in the cause: named, so the next unexpected one can be classified.
    const grpc = ((exception as Error)?.cause as { code?: unknown; details?: unknown } | undefined) ?? {};
    const named = typeof grpc.code === 'number' ? ` (gRPC ${grpc.code} ${grpc.details ?? ''})` : '';
    if (status === HttpStatus.SERVICE_UNAVAILABLE)
      this.logger.warn(`${req.method} ${req.url}${named}: ${(exception as Error)?.message ?? exception}`);
    else if (status >= 500)
      this.logger.error(`${req.method} ${req.url}${named}: ${(exception as Error)?.stack ?? exception}`);
    if (res.headersSent) return;
    if (status === HttpStatus.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.locals.errorCode = code; // for the audit log of the request (audit/request-audit.middleware.ts)
    res.status(status).json({
      statusCode: status,
      error: STATUS_NAMES[status] ?? 'Error',
      code,
      message: localize(text, locale),
      details: details.map((d) => ({ field: d.field, message: localize(d.text, locale) })),
    });
  }

  private describe(
    exception: unknown,
    req: Request,
  ): { status: number; code: string; text: Text; details: FieldError[]; retryAfterSeconds?: number } {
    const domain = exception instanceof DomainError ? exception : domainErrorFrom(exception);
    if (domain) {
      const { status, code, text, details, retryAfterSeconds } = domain;
      return { status, code, text, details, retryAfterSeconds };
    }

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Our own code throws DomainErrors; a Nest 404 can only be a route that does not exist.
      if (status === HttpStatus.NOT_FOUND) {
        const text = t(`没有该接口：${req.method} ${req.path}`, `no route ${req.method} ${req.path}`);
        return { status, code: 'ROUTE_NOT_FOUND', text, details: [] };
      }
      // Multer stopped reading an upload at its size limit (MulterModule's options, app.module.ts).
      if (status === HttpStatus.PAYLOAD_TOO_LARGE && exception.message === 'File too large') {
        return { status, code: 'FILE_TOO_LARGE', text: t('文件过大', 'the file is too large'), details: [] };
      }
      const fallback = HTTP_DEFAULTS[status] ?? {
        code: `HTTP_${status}`,
        text: t('请求失败', 'request failed'),
      };
      return { status, ...fallback, details: [] };
    }
    // The workflow task being retried, or PostgreSQL or Temporal away: the same request is sent again.
    const unavailable = unavailableAnswer(exception);
    if (unavailable) return { ...unavailable, details: [] };
    return {
      status: 500,
      code: 'INTERNAL_ERROR',
      text: t('服务器内部错误', 'internal server error'),
      details: [],
    };
  }
}
