// What the journey needs before a browser opens: its users, made through the API by the
// bootstrap administrator, and the enterprise's credit code and certificates.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const DIST = join(import.meta.dirname, '../../../dist');
// The compiled domain and seed code (npm run build): one definition of the check digit and the PDF.
const { withCheckChar } = require(join(DIST, 'libs/domain/src/credit-code.js'));
const { samplePdf } = require(join(DIST, 'apps/api/src/seed/sample-pdf.js'));

export const PASSWORD = 'e2e-pass-123456';

export const ENTERPRISE = {
  creditCode: withCheckChar('91500112MAE2E0001'),
  name: '重庆端到端芯片科技有限公司',
};

export const certificate = (purpose) => ({
  name: `${purpose}-certificate.pdf`,
  mimeType: 'application/pdf',
  buffer: samplePdf(`${ENTERPRISE.name} ${purpose}`),
});

async function call(baseUrl, path, { token, body, method = body ? 'POST' : 'GET' }) {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The people of the journey, one per role it needs. */
export async function createUsers(baseUrl, admin, sso) {
  const { accessToken } = await call(baseUrl, '/auth/login', { body: admin });
  const users = {
    coordinator: { role: 'city_coordinator', displayName: '科技处 周统筹', scope: {} },
    district: { role: 'district_officer', displayName: '渝北区 吴科长', scope: { districts: ['500112'] } },
    commissioner: { role: 'commissioner', displayName: '服务专员 郑专员', scope: {} },
    // The cluster's industry officer: countersigns the screening, reviews the quarter (issue 17).
    industry: { role: 'industry_officer', displayName: '产业处 冯处长', scope: { clusters: ['T2'] } },
    // 三员: the audit log is the audit administrator's (and the business auditor's), not the coordinator's.
    audit: { role: 'audit_admin', displayName: '审计管理员 钱审计', scope: {} },
    enterprise: {
      role: 'enterprise_user',
      displayName: '企业联系人 王工',
      scope: { creditCodes: [ENTERPRISE.creditCode] },
    },
  };
  for (const [key, user] of Object.entries(users)) {
    user.username = `e2e-${key}`;
    await call(baseUrl, '/users', { token: accessToken, body: { ...user, password: PASSWORD } });
  }
  // The coordinator is also known to the identity service: an administrator maps its subject.
  await call(baseUrl, `/users/${users.coordinator.username}`, {
    token: accessToken,
    method: 'PATCH',
    body: { oidcSubject: sso.user.subject },
  });
  const reference = await call(baseUrl, '/reference', { token: accessToken });
  return { users, reference, adminToken: accessToken };
}

/** 一季一调度 now, as an administrator would from the admin page: members get their quarterly report. */
export async function triggerDispatch(baseUrl, token) {
  return call(baseUrl, '/admin/quarterly-dispatch/trigger', { token, body: {} });
}
