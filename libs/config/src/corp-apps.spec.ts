import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hardtech' };

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
}

describe('企业微信 and 钉钉 applications', () => {
  it('are off unless configured; links go to the local UI', () => {
    const n = loadConfig({ ...base, PORT: '3001' }).notifications;
    expect(n.wecomApp).toBeUndefined();
    expect(n.dingtalkApp).toBeUndefined();
    expect(n.publicUrl).toBe('http://localhost:3001');
  });

  it('read the documented APIs by default, another base when told', () => {
    const n = loadConfig({
      ...base,
      WECOM_CORP_ID: 'ww0123',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 's3cret',
      DINGTALK_APP_KEY: 'dingkey',
      DINGTALK_APP_SECRET: 'dingsecret',
      DINGTALK_AGENT_ID: '2001',
      DINGTALK_API_BASE: 'http://127.0.0.1:9999/',
      PUBLIC_URL: 'https://pool.cq.gov.cn/',
    }).notifications;
    expect(n.wecomApp).toEqual({
      corpId: 'ww0123',
      agentId: 1000002,
      secret: 's3cret',
      baseUrl: 'https://qyapi.weixin.qq.com',
    });
    expect(n.dingtalkApp).toEqual({
      appKey: 'dingkey',
      appSecret: 'dingsecret',
      agentId: 2001,
      baseUrl: 'http://127.0.0.1:9999',
    });
    expect(n.publicUrl).toBe('https://pool.cq.gov.cn');
  });

  it('refuse half a configuration and bad values', () => {
    expect(problems({ ...base, WECOM_CORP_ID: 'ww0123', WECOM_AGENT_ID: 'x' })).toEqual([
      'WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET go together (missing WECOM_SECRET)',
    ]);
    expect(
      problems({
        ...base,
        DINGTALK_APP_KEY: 'k',
        DINGTALK_APP_SECRET: 's',
        DINGTALK_AGENT_ID: '-3',
        WECOM_API_BASE: 'ftp://x',
      }),
    ).toEqual([
      'WECOM_API_BASE must be an http(s) URL',
      'DINGTALK_AGENT_ID must be a positive integer (got "-3")',
    ]);
  });
});
