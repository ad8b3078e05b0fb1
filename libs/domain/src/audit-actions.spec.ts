import { AUDIT_ACTION_CHOICES, auditActionLabel } from './audit-actions';

describe('auditActionLabel', () => {
  it('names the services’ own events', () => {
    expect(auditActionLabel('auth.login').zh).toBe('登录');
    expect(auditActionLabel('workflow.transition').zh).toBe('流程流转');
  });

  it('names a known route, the longest match winning', () => {
    expect(auditActionLabel('POST /api/tasks/:id/complete').zh).toBe('办理任务');
    expect(auditActionLabel('PATCH /api/users/:username').zh).toBe('修改用户');
    expect(auditActionLabel('PUT /api/security/policy').zh).toBe('修改安全策略');
  });

  it('falls back to the verb and the path, and leaves an unknown code as it is', () => {
    expect(auditActionLabel('GET /api/reports/unknown')).toEqual({
      zh: '查看 /api/reports/unknown',
      en: 'Read /api/reports/unknown',
    });
    expect(auditActionLabel('something.else')).toEqual({ zh: 'something.else', en: 'something.else' });
  });

  it('names the approval actions (催办, 抄送, 退回) and the whistle, not their paths', () => {
    expect(auditActionLabel('POST /api/tasks/:id/urge').zh).toBe('催办');
    expect(auditActionLabel('POST /api/tasks/:id/return').zh).toBe('退回');
    expect(auditActionLabel('POST /api/enterprises/:creditCode/whistle').zh).toBe('企业吹哨');
  });

  it('names each change of the cluster taxonomy: added, renamed, retired, its division', () => {
    expect(auditActionLabel('POST /api/admin/clusters')).toEqual({
      zh: '新增产业集群',
      en: 'Added a cluster',
    });
    expect(auditActionLabel('PATCH /api/admin/clusters/:code').zh).toBe('产业集群更名');
    expect(auditActionLabel('POST /api/admin/clusters/:code/retire').zh).toBe('停用产业集群');
    expect(auditActionLabel('PUT /api/admin/clusters/:code/division').zh).toBe('修改集群牵头处室');
  });

  it('does not take a route for the start of another word', () => {
    expect(auditActionLabel('POST /api/usersx').zh).toBe('提交 /api/usersx');
  });
});

describe('the actions an auditor filters by', () => {
  it('offers each named event and route once, in words', () => {
    const actions = AUDIT_ACTION_CHOICES.map((c) => c.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(AUDIT_ACTION_CHOICES).toContainEqual({
      action: 'auth.login',
      label: { zh: '登录', en: 'Signed in' },
    });
    expect(actions).toContain('POST /api/tasks/:id/complete');
  });
});
