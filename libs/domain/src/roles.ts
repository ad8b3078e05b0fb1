/**
 * Roles of docs/design.md 2.4 plus the three administrators of 三员分立 (GB/T 22239-2019 8.1.4.2 c/d):
 * system (users, configuration), security (policy, sessions, lockouts) and audit (reads and verifies
 * the audit log). A user has exactly one role, so no account holds two of them.
 */
import { t, Text } from './text';

export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'city_coordinator',
  'industry_officer',
  'sme_officer',
  'finance_officer',
  'district_officer',
  'commissioner',
  'enterprise_user',
  'auditor',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Scope {
  districts?: string[];
  clusters?: string[];
  creditCodes?: string[];
  department?: string;
}

/** Who acts. Set by the server from the verified token, never taken from a request body. */
export interface Actor {
  username: string;
  role: Role;
  scope: Scope;
  displayName?: string;
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '安全审计员', en: 'Audit administrator' },
  city_coordinator: { zh: '科技处（统筹）', en: 'City coordinator' },
  industry_officer: { zh: '行业处室', en: 'Industry officer' },
  sme_officer: { zh: '中小企业处', en: 'SME division officer' },
  finance_officer: { zh: '产业金融处', en: 'Industrial finance officer' },
  district_officer: { zh: '区县经信部门', en: 'District officer' },
  commissioner: { zh: '企业服务专员', en: 'Service commissioner' },
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
  auditor: { zh: '审计', en: 'Auditor' },
  leader: { zh: '委领导', en: 'Leader' },
};

/** Departments that own ledger problems (化解问题台账 owner departments). */
export const DEPARTMENTS = {
  tech: { zh: '科技处', en: 'Science & technology division' },
  sme: { zh: '中小企业处', en: 'SME division' },
  finance: { zh: '产业金融处', en: 'Industrial finance division' },
  industry: { zh: '行业处室', en: 'Industry division' },
  district: { zh: '区县经信部门', en: 'District department' },
} as const;

/** The actor of what the system does by itself under the policy (a default outcome). */
export const SYSTEM_ACTOR: Actor = {
  username: 'system',
  role: 'system_admin',
  scope: {},
  displayName: '系统（按政策默认）',
};

/**
 * How a reader sees `SYSTEM_ACTOR` named wherever an actor is (the timeline, the inbox's 办理人, the
 * audit log): 系统 / System. No user holds the account, so no display name is looked up for it.
 */
export const SYSTEM_ACTOR_NAME: Text = t('系统', 'System');

/** What the system did by itself (the account `system`). */
export const isSystemActor = (username: unknown): boolean => username === SYSTEM_ACTOR.username;

/** The officers who work cases: 科技处, the industry, SME and finance offices, the districts, the service commissioners. */
export const CASE_OFFICER_ROLES: readonly Role[] = [
  'city_coordinator',
  'industry_officer',
  'sme_officer',
  'finance_officer',
  'district_officer',
  'commissioner',
];

/** The three administrators: only a system administrator creates or changes their accounts. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/** Who reads and verifies the audit log (issue 20.3): the audit administrator and the business auditor. */
export const AUDIT_LOG_READERS: readonly Role[] = ['audit_admin', 'auditor'];

/** Who reads 调度会材料 (issue 19 item 2): the coordinators who run the meeting, the leaders, the auditors. */
export const BRIEFING_READERS: readonly Role[] = ['city_coordinator', 'leader', 'auditor'];

/**
 * Who reads 帮扶库总览 (GET /api/reports/kpi and its .xlsx): everyone but an enterprise, whose home
 * page shows its own path, tasks, ledger and 三年倍增 instead (the pool's figures are the city's).
 */
export const KPI_READERS: readonly Role[] = ROLES.filter((role) => role !== 'enterprise_user');
