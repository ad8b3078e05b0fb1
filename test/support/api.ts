/** A small HTTP client for the API under test (the real process started by scripts/test.mjs). */
export const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3100';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers?: Headers;
}

export class Api {
  constructor(readonly token?: string) {}

  static anonymous(): Api {
    return new Api();
  }

  /**
   * Each login comes from its own client address (the API trusts a proxy on loopback), as users
   * behind a reverse proxy do; otherwise the per-address login throttle would see one client.
   */
  static async login(username: string, password: string): Promise<Api> {
    const r = await new Api().post(
      '/api/auth/login',
      { username, password },
      { 'x-forwarded-for': randomAddress() },
    );

    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return new Api(r.body.accessToken);
  }

  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    return send(method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...headers,
    });
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }

  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }

  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }

  /** Sends a raw body, for malformed and hostile requests. */
  raw(method: string, path: string, body: string, headers: Record<string, string> = {}) {
    return send(method, path, body, {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...headers,
    });
  }
}

async function send(
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<Reply> {
  const res = await fetch(`${API_URL}${path}`, { method, body, headers });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

function randomAddress(): string {
  return `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 256)).join('.')}`;
}
