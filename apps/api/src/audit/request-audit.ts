import { randomUUID } from 'node:crypto';
import { ADMIN_ROLES } from '@hardtech/domain';
import type { AuditEventInput } from '@hardtech/persistence';
import { storableText } from '../errors/safe-input';

/** What Express, multer and our auth guard leave on a request by the time it is answered. */
export interface AnsweredRequest {
  method: string;
  originalUrl: string;
  baseUrl?: string;
  route?: { path?: string };
  body?: unknown;
  file?: { originalname?: string; size?: number };
  actor?: { username: string; role: string };
  /** The client address (behind a trusted proxy, the one it names). */
  ip?: string;
}

export interface Answer {
  statusCode: number;
  /** Set by ApiExceptionFilter: the machine code of an error answer. */
  errorCode?: string;
  requestId?: string;
  /** false when the client went away before the answer was complete. */
  finished: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Logged by AuthService, which knows the attempted username and why it failed. */
const LOGGED_BY_SERVICE = new Set(['POST /api/auth/login']);
const CREDIT_CODE_IN_PATH = /\/(?:enterprises|pool\/membership)\/([0-9A-Z]{18})(?:\/|$)/;
const TASK_IN_PATH = /\/tasks\/([0-9a-fA-F-]{36})(?:\/|$)/;
const SECRET_FIELD = /pass(word)?|secret|token|authorization/i;
/** A robot's webhook URL carries its key (key=, access_token=): the audit keeps the host and path. */
const WEBHOOK_FIELD = /webhook|url$/i;
const MAX_BODY_CHARS = 16_000;
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's X-Request-Id when sane, else a fresh one (answered back in the same header). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * The audit event of one answered request, or null when it is not one we log: every
 * state-changing request (POST, PUT, PATCH, DELETE), whatever its answer, every permission
 * refusal (403), reads included, and every request of an administrator.
 */
export function requestAuditEvent(req: AnsweredRequest, answer: Answer): AuditEventInput | null {
  const path = req.originalUrl.split('?')[0];
  if (!path.startsWith('/api/')) return null;
  const status = answer.finished ? answer.statusCode : 499;
  const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : path;
  const action = `${req.method} ${route}`;
  if (LOGGED_BY_SERVICE.has(action)) return null;
  // 三员: everything an administrator does is audited, reads too (GB/T 22239-2019 8.1.4.3 a).
  const byAdministrator = (ADMIN_ROLES as readonly string[]).includes(req.actor?.role ?? '');
  if (!WRITES.has(req.method) && status !== 403 && !byAdministrator) return null;
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const bodyCode = typeof body.creditCode === 'string' ? body.creditCode : undefined;
  return {
    actor: req.actor?.username ?? 'anonymous',
    actorRole: req.actor?.role ?? null,
    action,
    outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed',
    status,
    creditCode:
      CREDIT_CODE_IN_PATH.exec(path)?.[1] ??
      (req.actor && /^[0-9A-Z]{18}$/.test(bodyCode ?? '') ? bodyCode : null),
    taskId: TASK_IN_PATH.exec(path)?.[1] ?? null,
    requestId: answer.requestId ?? null,
    data: {
      method: req.method,
      path,
      ...(answer.errorCode ? { code: answer.errorCode } : {}),
      // Whoever is not signed in gets no say in what the log stores: its address, not its body.
      ...(req.actor
        ? {
            ...(WRITES.has(req.method) ? { body: bodyForAudit(body) } : {}),
            ...(req.file ? { file: { name: req.file.originalname, size: req.file.size } } : {}),
          }
        : { clientAddress: req.ip ?? null }),
    },
  };
}

/**
 * The request body as sent, passwords and tokens masked, large bodies summarised, and characters
 * jsonb cannot store replaced by U+FFFD.
 */
export function bodyForAudit(body: Record<string, unknown>): unknown {
  const masked = mask(body);
  const text = JSON.stringify(masked);
  if (text.length <= MAX_BODY_CHARS) return masked;
  return { truncated: true, chars: text.length, fields: Object.keys(body) };
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  // A refused hostile body may carry NUL or lone surrogates: jsonb would refuse the whole event.
  if (typeof value === 'string') return storableText(value);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), maskField(k, v)]));
}

function maskField(key: string, value: unknown): unknown {
  if (SECRET_FIELD.test(key)) return '[redacted]';
  if (WEBHOOK_FIELD.test(key) && typeof value === 'string') {
    const cut = value.search(/[?#]/);
    return storableText(cut < 0 ? value : `${value.slice(0, cut)}?[redacted]`);
  }
  return mask(value);
}
