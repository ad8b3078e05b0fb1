import { clearToken, readToken } from '../auth/token';
import i18n from '../i18n';
import { Answer, Body, fillPath, PathOf, PathParams, QueryOf } from './contract';

/** One error detail of the API's error body (docs/api.md "Errors"): which field, and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** Any non-2xx answer, with the API's machine code and the per-field details of a 400/422. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    /** Seconds the API asks to wait before the same request is sent again (a 503's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** The messages that concern one field (a dotted path such as `judgments.C2.note`). */
  forField(field: string): string[] {
    return this.details.filter((d) => d.field === field).map((d) => d.message);
  }
}

/** Sent when a token is refused: the session is over and the login page takes over. */
export const SESSION_EXPIRED = 'hardtech:session-expired';

export type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export function queryString(query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let inFlight = 0;
let quietWaiters: (() => void)[] = [];

/** Resolves once no API request is in flight: at once when none is, else when the last one answers. */
export function apiQuiet(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => quietWaiters.push(resolve));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  inFlight += 1;
  try {
    return await request(path, options);
  } finally {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiters = quietWaiters;
      quietWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }
}

async function request(path: string, options: RequestOptions): Promise<Response> {
  // The API words its refusals in the caller's language: the UI's, not the browser's.
  const headers: Record<string, string> = { 'Accept-Language': i18n.language, ...options.headers };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`/api${path}${queryString(options.query)}`, {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    signal: options.signal,
  });
  if (res.ok) return res;
  const error = await res.json().catch(() => ({}));
  if (res.status === 401 && token) {
    clearToken();
    window.dispatchEvent(new Event(SESSION_EXPIRED));
  }
  throw new ApiError(
    res.status,
    error.code ?? `HTTP_${res.status}`,
    error.message ?? res.statusText,
    Array.isArray(error.details) ? error.details : [],
    retryAfterSeconds(res.headers.get('retry-after')),
  );
}

/** Retry-After as whole seconds (the API sends no HTTP-date); undefined when absent or not a number. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}

/** JSON request under /api with the session's token; throws ApiError on any refusal. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The options of a typed call: `{name}` parameters (when the path has some), query, body. */
export type CallOptions<P extends PathOf<M>, M extends Method> = {
  query?: QueryOf<P, M>;
  body?: Body<P, M>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
} & (keyof PathParams<P, M> extends never ? { params?: undefined } : { params: PathParams<P, M> });

/**
 * A request checked against the API's OpenAPI document (contract.ts): the path as the document
 * names it (`/tasks/{id}/complete`), its parameters, query and body, and the answer's type.
 */
export function call<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  ...[options]: keyof PathParams<P, M> extends never ? [CallOptions<P, M>?] : [CallOptions<P, M>]
): Promise<Answer<P, M>> {
  const { params, query, ...rest } = options ?? {};
  return api<Answer<P, M>>(fillPath(path, params ?? {}), {
    ...rest,
    method: method.toUpperCase(),
    query: query as Query | undefined,
  });
}

/** Downloads a file the API answers (Excel exports, evidence) under the name it gives. */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await send(path, { query });
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  save(await res.blob(), name);
}

function save(file: Blob, name: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Opens a PDF the API answers (审批单, 一企一档) in a new tab, where the browser's viewer prints it.
 * The tab is opened on the click, before the fetch, so no pop-up blocker stops it; when the
 * browser gives no tab, the file is downloaded instead.
 */
export async function openPdf(path: string, fallbackName: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const file = await (await send(path, {})).blob();
    if (!tab) return save(file, fallbackName);
    const url = URL.createObjectURL(file);
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}
