import { bodyForAudit, requestAuditEvent } from './request-audit';

const actor = { username: 'coordinator', role: 'city_coordinator' };
const answer = (statusCode: number, errorCode?: string) => ({
  statusCode,
  errorCode,
  requestId: 'r-1',
  finished: true,
});

describe('requestAuditEvent', () => {
  it('logs a state-changing request with its route, target, status and masked body', () => {
    const e = requestAuditEvent(
      {
        method: 'POST',
        originalUrl: '/api/tasks/5A484A39-CCC2-432E-8061-5B36085FFE53/complete?x=1',
        baseUrl: '',
        route: { path: '/api/tasks/:id/complete' },
        body: { outcome: 'pass', data: { note: 'ok', password: 'secret' } },
        actor,
      },
      answer(200),
    );
    expect(e).toEqual({
      actor: 'coordinator',
      actorRole: 'city_coordinator',
      action: 'POST /api/tasks/:id/complete',
      outcome: 'ok',
      status: 200,
      creditCode: null,
      taskId: '5A484A39-CCC2-432E-8061-5B36085FFE53',
      requestId: 'r-1',
      data: {
        method: 'POST',
        path: '/api/tasks/5A484A39-CCC2-432E-8061-5B36085FFE53/complete',
        body: { outcome: 'pass', data: { note: 'ok', password: '[redacted]' } },
      },
    });
  });

  it('logs refusals of reads (403) but not reads that succeed or are not found', () => {
    const get = (status: number) =>
      requestAuditEvent(
        { method: 'GET', originalUrl: '/api/audit', route: { path: '/api/audit' }, actor },
        answer(status, 'ROLE_NOT_ALLOWED'),
      );
    expect(get(403)).toMatchObject({ outcome: 'refused', status: 403, data: { code: 'ROLE_NOT_ALLOWED' } });
    expect(get(200)).toBeNull();
    expect(get(404)).toBeNull();
  });

  it('logs every read of an administrator (三员), succeeding or not', () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const read = requestAuditEvent(
        {
          method: 'GET',
          originalUrl: '/api/security/sessions?username=x',
          route: { path: '/api/security/sessions' },
          actor: { username: 'someone', role },
        },
        answer(200),
      );
      expect(read).toMatchObject({
        actor: 'someone',
        actorRole: role,
        action: 'GET /api/security/sessions',
        status: 200,
      });
    }
  });

  it('names the enterprise from the path or the nomination body; of the anonymous caller only its address', () => {
    const request = {
      method: 'POST',
      originalUrl: '/api/nominations',
      route: { path: '/api/nominations' },
      body: { creditCode: '91500000374482446J', name: 'x'.repeat(10_000) },
      ip: '10.1.2.3',
    };
    expect(requestAuditEvent({ ...request, actor }, answer(201))).toMatchObject({
      creditCode: '91500000374482446J',
      data: { body: { creditCode: '91500000374482446J' } },
    });
    const anonymous = requestAuditEvent(request, answer(401, 'UNAUTHENTICATED'));
    expect(anonymous).toMatchObject({ actor: 'anonymous', creditCode: null, outcome: 'refused' });
    expect(anonymous!.data).toEqual({
      method: 'POST',
      path: '/api/nominations',
      code: 'UNAUTHENTICATED',
      clientAddress: '10.1.2.3',
    });
    const whistle = requestAuditEvent(
      { method: 'POST', originalUrl: '/api/enterprises/91500000374482446J/whistle', actor },
      answer(500),
    );
    expect(whistle).toMatchObject({
      creditCode: '91500000374482446J',
      outcome: 'failed',
      action: 'POST /api/enterprises/91500000374482446J/whistle',
    });
  });

  it('leaves logins to AuthService and paths outside the API alone', () => {
    const login = { method: 'POST', originalUrl: '/api/auth/login', route: { path: '/api/auth/login' } };
    expect(requestAuditEvent(login, answer(200))).toBeNull();
    expect(requestAuditEvent({ method: 'POST', originalUrl: '/index.html' }, answer(404))).toBeNull();
  });

  it('records a request the client abandoned as 499', () => {
    const e = requestAuditEvent(
      { method: 'DELETE', originalUrl: '/api/x', actor },
      { statusCode: 200, requestId: 'r', finished: false },
    );
    expect(e).toMatchObject({ status: 499, outcome: 'refused' });
  });
});

describe('bodyForAudit', () => {
  it('masks secrets at any depth and summarises large bodies', () => {
    expect(bodyForAudit({ users: [{ name: 'a', newPassword: 'x' }], token: 't' })).toEqual({
      users: [{ name: 'a', newPassword: '[redacted]' }],
      token: '[redacted]',
    });
    expect(
      bodyForAudit({
        wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY',
        dingtalkWebhook: 'https://oapi.dingtalk.com/robot/send',
        dingtalkSecret: 'SEC123',
      }),
    ).toEqual({
      wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?[redacted]',
      dingtalkWebhook: 'https://oapi.dingtalk.com/robot/send',
      dingtalkSecret: '[redacted]',
    });
    expect(bodyForAudit({ text: 'x'.repeat(20_000), n: 1 })).toEqual({
      truncated: true,
      chars: 20_017,
      fields: ['text', 'n'],
    });
  });

  // Found by the fuzz run of test/faults: PostgreSQL refused such events, so the refusal went unlogged.
  it('replaces what jsonb cannot store (NUL, lone surrogates), keeping whole pairs', () => {
    expect(bodyForAudit({ 'k\u0000': ['a\u0000b', 'x\ud800y', '\udfff', '😀'] })).toEqual({
      'k\ufffd': ['a\ufffdb', 'x\ufffdy', '\ufffd', '😀'],
    });
  });
});
