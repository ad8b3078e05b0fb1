/**
 * The one way the corp-app clients reach 企业微信 and 钉钉: JSON over HTTP, a timeout, no redirects
 * (an API that redirects is not the API). Outbound checks (allowed hosts, https) belong here.
 */
const TIMEOUT_MS = 10_000;

/** Both APIs answer 200 with `errcode` (0 when it worked) and `errmsg`. */
export interface CorpAnswer {
  errcode: number;
  errmsg?: string;
  [field: string]: unknown;
}

export async function corpRequest(url: string, body?: unknown): Promise<CorpAnswer> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const answer = (await res.json()) as CorpAnswer;
  if (typeof answer?.errcode !== 'number') throw new Error('no errcode in the answer');
  return answer;
}

export class CorpError extends Error {
  constructor(
    provider: string,
    readonly answer: CorpAnswer,
  ) {
    super(`${provider} errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
  }
}
