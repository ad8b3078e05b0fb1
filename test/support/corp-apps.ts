import { createServer, Server } from 'node:http';

export interface CorpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  /** What the fake answered. */
  errcode: number;
}

export interface FakeCorpApp {
  requests: CorpRequest[];
  /** Every token issued so far is expired from now on (as after its 7200 s): 42001. */
  expireTokens(): void;
  /** The next message send answers this errcode (e.g. -1, 系统繁忙) instead of sending. */
  failNextSend(errcode: number, errmsg: string): void;
  close(): Promise<void>;
}

interface Api {
  tokenPath: string;
  /** The query parameters gettoken needs, with the values the test stack configures. */
  credentials: Record<string, string>;
  sendPath: string;
  /** What a send answers when it worked. */
  sent: (n: number) => Record<string, unknown>;
}

/**
 * A loopback server answering as 企业微信 or 钉钉 do: gettoken with the application's credentials
 * (errcode 40001 otherwise), message sends with a token it issued (40014 for an unknown one,
 * 42001 for an expired one), every request recorded with its answer.
 */
async function fakeCorpApp(port: number, api: Api): Promise<FakeCorpApp> {
  const requests: CorpRequest[] = [];
  const tokens = new Map<string, 'valid' | 'expired'>();
  const failures: { errcode: number; errmsg: string }[] = [];
  let issued = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const query = Object.fromEntries(url.searchParams);
      const answer = (() => {
        if (req.method === 'GET' && url.pathname === api.tokenPath) {
          const ok = Object.entries(api.credentials).every(([k, v]) => query[k] === v);
          if (!ok || Object.keys(query).length !== Object.keys(api.credentials).length)
            return { errcode: 40001, errmsg: 'invalid credential' };
          const token = `${api.tokenPath.includes('cgi-bin') ? 'wecom' : 'dingtalk'}-token-${++issued}`;
          tokens.set(token, 'valid');
          return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
        }
        if (req.method === 'POST' && url.pathname === api.sendPath) {
          const state = tokens.get(query.access_token);
          if (!state) return { errcode: 40014, errmsg: 'invalid access_token' };
          if (state === 'expired') return { errcode: 42001, errmsg: 'access_token expired' };
          const failure = failures.shift();
          if (failure) return failure;
          return { errcode: 0, errmsg: 'ok', ...api.sent(requests.length) };
        }
        return { errcode: 40035, errmsg: 'invalid parameter' };
      })();
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query,
        body: raw ? JSON.parse(raw) : undefined,
        errcode: answer.errcode,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    requests,
    expireTokens: () => tokens.forEach((_, t) => tokens.set(t, 'expired')),
    failNextSend: (errcode, errmsg) => failures.push({ errcode, errmsg }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const base = (offset: number) => Number(process.env.TEST_WEBHOOK_PORT) - offset;

/** 企业微信 at WECOM_API_BASE of the test stack (scripts/test.mjs). */
export function fakeWecom(): Promise<FakeCorpApp> {
  return fakeCorpApp(base(2), {
    tokenPath: '/cgi-bin/gettoken',
    credentials: { corpid: process.env.WECOM_CORP_ID!, corpsecret: process.env.WECOM_SECRET! },
    sendPath: '/cgi-bin/message/send',
    sent: (n) => ({ invaliduser: '', msgid: `msg-${n}` }),
  });
}

/** 钉钉 at DINGTALK_API_BASE of the test stack (scripts/test.mjs). */
export function fakeDingtalk(): Promise<FakeCorpApp> {
  return fakeCorpApp(base(3), {
    tokenPath: '/gettoken',
    credentials: { appkey: process.env.DINGTALK_APP_KEY!, appsecret: process.env.DINGTALK_APP_SECRET! },
    sendPath: '/topapi/message/corpconversation/asyncsend_v2',
    sent: (n) => ({ task_id: 1000 + n, request_id: `req-${n}` }),
  });
}
