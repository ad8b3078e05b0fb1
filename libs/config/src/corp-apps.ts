import { EnvReader } from './env-reader';

/** A 企业微信 self-built application: gettoken with corp id + secret, message/send as the agent. */
export interface WecomAppConfig {
  corpId: string;
  agentId: number;
  secret: string;
  /** https://qyapi.weixin.qq.com, or a loopback server in tests. */
  baseUrl: string;
}

/** A 钉钉 internal application: gettoken with app key + secret, work notices as the agent. */
export interface DingtalkAppConfig {
  appKey: string;
  appSecret: string;
  agentId: number;
  /** https://oapi.dingtalk.com, or a loopback server in tests. */
  baseUrl: string;
}

export const CORP_APP_VARIABLES = {
  WECOM_CORP_ID:
    'worker: 企业微信 corp id of the application that sends person-to-person messages (optional)',
  WECOM_AGENT_ID: 'worker: its AgentId (with WECOM_CORP_ID)',
  WECOM_SECRET: 'worker: its Secret (with WECOM_CORP_ID)',
  WECOM_API_BASE: 'worker: 企业微信 API base URL (default https://qyapi.weixin.qq.com)',
  DINGTALK_APP_KEY: 'worker: 钉钉 AppKey of the application that sends work notices (optional)',
  DINGTALK_APP_SECRET: 'worker: its AppSecret (with DINGTALK_APP_KEY)',
  DINGTALK_AGENT_ID: 'worker: its AgentId (with DINGTALK_APP_KEY)',
  DINGTALK_API_BASE: 'worker: 钉钉 API base URL (default https://oapi.dingtalk.com)',
  PUBLIC_URL:
    'the web UI as people open it: the worker’s links in messages, the API’s single sign-on redirect URIs (default http://localhost:PORT; required with OIDC_ISSUER in production)',
} as const;

/** All of a provider's variables or none: a half-configured application would fail every send. */
function allOrNone(read: EnvReader, names: string[]): Record<string, string> | undefined {
  const values = Object.fromEntries(names.map((n) => [n, read.string(n)]));
  const set = names.filter((n) => values[n] !== undefined);
  if (!set.length) return undefined;
  if (set.length < names.length) {
    read.problems.push(
      `${names.join(', ')} go together (missing ${names.filter((n) => !set.includes(n)).join(', ')})`,
    );
    return undefined;
  }
  return values as Record<string, string>;
}

function baseUrl(read: EnvReader, name: string, fallback: string): string {
  const url = read.string(name) ?? fallback;
  read.check(/^https?:\/\/[^\s/]+(\/\S*)?$/.test(url), `${name} must be an http(s) URL`);
  return url.replace(/\/+$/, '');
}

function agentId(read: EnvReader, name: string, raw: string): number {
  const n = Number(raw);
  read.check(Number.isSafeInteger(n) && n > 0, `${name} must be a positive integer (got "${raw}")`);
  return n;
}

export function readCorpApps(
  read: EnvReader,
  port: number,
): { wecomApp?: WecomAppConfig; dingtalkApp?: DingtalkAppConfig; publicUrl: string } {
  const wecomBase = baseUrl(read, 'WECOM_API_BASE', 'https://qyapi.weixin.qq.com');
  const dingtalkBase = baseUrl(read, 'DINGTALK_API_BASE', 'https://oapi.dingtalk.com');
  const publicUrl = baseUrl(read, 'PUBLIC_URL', `http://localhost:${port}`);
  const w = allOrNone(read, ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET']);
  const d = allOrNone(read, ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_AGENT_ID']);
  return {
    publicUrl,
    wecomApp: w && {
      corpId: w.WECOM_CORP_ID,
      agentId: agentId(read, 'WECOM_AGENT_ID', w.WECOM_AGENT_ID),
      secret: w.WECOM_SECRET,
      baseUrl: wecomBase,
    },
    dingtalkApp: d && {
      appKey: d.DINGTALK_APP_KEY,
      appSecret: d.DINGTALK_APP_SECRET,
      agentId: agentId(read, 'DINGTALK_AGENT_ID', d.DINGTALK_AGENT_ID),
      baseUrl: dingtalkBase,
    },
  };
}
