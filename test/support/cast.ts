import { randomBytes } from 'node:crypto';
import { creditCodeFor, Role, Scope } from '@hardtech/domain';
import { Api } from './api';

export const ADMIN = {
  username: process.env.ADMIN_USERNAME ?? 'admin',
  password: process.env.ADMIN_PASSWORD ?? 'test-admin-123456',
};
export const PASSWORD = 'test-pass-123456';

let admin: Promise<Api> | null = null;
export function adminApi(): Promise<Api> {
  admin ??= Api.login(ADMIN.username, ADMIN.password);
  return admin;
}

let auditReader: Promise<Api> | null = null;
/** 三员: the audit log is read by the audit administrator (or the auditor), not the system administrator. */
export function auditAdminApi(): Promise<Api> {
  auditReader ??= createUser('audit_admin', {}).then((m) => m.api);
  return auditReader;
}

/** A short random tag, so parallel test files never share users or enterprises. */
export function tag(): string {
  return randomBytes(4).toString('hex');
}

let counter = Math.floor(Math.random() * 1e9);
/** A fresh, valid credit code. */
export function freshCreditCode(): string {
  return creditCodeFor(++counter + (Date.now() % 1e6) * 1000, '9150');
}

export async function createUser(
  role: Role,
  scope: Scope,
  username = `${role.replace(/_/g, '-')}-${tag()}`,
  displayName = username,
): Promise<Member> {
  const r = await (
    await adminApi()
  ).post('/api/users', { username, password: PASSWORD, displayName, role, scope });
  if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return { username, api: await Api.login(username, PASSWORD) };
}

export interface Member {
  username: string;
  api: Api;
}

export interface Cast {
  creditCode: string;
  district: string;
  cluster: string;
  coordinator: Member;
  districtOfficer: Member;
  enterprise: Member;
  commissioner: Member;
  industry: Member;
  auditor: Member;
}

/** Everyone one lifecycle needs, scoped to one enterprise in `district` and `cluster`. */
export async function createCast(district = '500112', cluster = 'T2'): Promise<Cast> {
  const creditCode = freshCreditCode();
  const [coordinator, districtOfficer, enterprise, commissioner, industry, auditor] = await Promise.all([
    createUser('city_coordinator', {}),
    createUser('district_officer', { districts: [district] }),
    createUser('enterprise_user', { creditCodes: [creditCode] }),
    createUser('commissioner', {}),
    createUser('industry_officer', { clusters: [cluster] }),
    createUser('auditor', {}),
  ]);
  return {
    creditCode,
    district,
    cluster,
    coordinator,
    districtOfficer,
    enterprise,
    commissioner,
    industry,
    auditor,
  };
}
