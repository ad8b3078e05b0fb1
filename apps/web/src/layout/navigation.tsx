import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileAddOutlined,
  InboxOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '../components/icons';
import type { ReactNode } from 'react';
import { NOMINATORS } from '@hardtech/domain/access';
import { AUDIT_LOG_READERS, CASE_OFFICER_ROLES, ROLES } from '@hardtech/domain/roles';
import type { Role } from '../api/types';

export interface NavItem {
  /** i18n key under common:nav. */
  key: string;
  path: string;
  icon: ReactNode;
  /** Who sees the entry; the server checks again on every request. */
  roles: readonly Role[] | 'all';
  /** Another i18n key under common:nav for these roles. */
  labels?: Partial<Record<Role, string>>;
}

/** 三员: the security and audit administrators keep the system, not the enterprises' files. */
const BUSINESS: readonly Role[] = ROLES.filter((role) => role !== 'security_admin' && role !== 'audit_admin');
/** Everyone with work to do: not the auditors, who only read. */
const OFFICERS: readonly Role[] = BUSINESS.filter((role) => role !== 'auditor');
/** The system administrator and 科技处, who runs the pool. */
const CONFIGURERS: readonly Role[] = ['system_admin', 'city_coordinator'];

export const NAVIGATION: NavItem[] = [
  {
    key: 'inbox',
    path: '/inbox',
    icon: <InboxOutlined />,
    roles: OFFICERS,
    // A leader watches the work in scope and does none of it, nor does the system administrator
    // (listsAllTasks): 任务督办, not 待办任务 (the last walk).
    labels: { leader: 'oversight', system_admin: 'oversight' },
  },
  { key: 'enterprises', path: '/enterprises', icon: <ShopOutlined />, roles: BUSINESS },
  {
    key: 'nominate',
    path: '/nominations/new',
    icon: <FileAddOutlined />,
    // An enterprise sees it only while it may nominate itself (Shell asks useMayNominateSelf).
    roles: NOMINATORS,
  },
  { key: 'ledger', path: '/problems', icon: <UnorderedListOutlined />, roles: BUSINESS },
  {
    key: 'dashboard',
    path: '/dashboard',
    icon: <DashboardOutlined />,
    roles: BUSINESS,
    // An enterprise's 总览 is its own home (pages/home), not the pool's 驾驶舱.
    labels: { enterprise_user: 'home' },
  },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, roles: AUDIT_LOG_READERS },
  { key: 'notifications', path: '/notifications', icon: <BellOutlined />, roles: 'all' },
  { key: 'policy', path: '/admin/policy', icon: <SettingOutlined />, roles: CONFIGURERS },
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, roles: CONFIGURERS },
  {
    key: 'calendar',
    path: '/admin/calendar',
    icon: <CalendarOutlined />,
    roles: CONFIGURERS,
  },
  // 产业集群: the taxonomy's lead 行业处室, which only the system administrator names.
  { key: 'clusters', path: '/admin/clusters', icon: <ApartmentOutlined />, roles: ['system_admin'] },
  { key: 'security', path: '/security', icon: <SafetyOutlined />, roles: ['security_admin'] },
];

/**
 * Who opens a task's page (/tasks/:id), which has no menu entry of its own: the inbox's roles, and
 * the auditor, who reads a task — its facts, the case file, files, comments, history — and acts on
 * none (design: 审计 read-only, all history; GET /api/tasks/:id answers it, every write is 403).
 */
export const TASK_PAGE: Pick<NavItem, 'roles'> = { roles: [...OFFICERS, 'auditor'] };

/** The entry's i18n key under common:nav, as `role` reads it. */
export function navLabel(item: Pick<NavItem, 'key' | 'labels'>, role: Role): string {
  return item.labels?.[role] ?? item.key;
}

/** The enterprise user's 总览 is its own enterprise's home page, not the pool's KPI. */
export function ownsEnterpriseHome(role: Role): boolean {
  return role === 'enterprise_user';
}

export function allows(item: Pick<NavItem, 'roles'>, role: Role): boolean {
  return item.roles === 'all' || item.roles.includes(role);
}

/**
 * Where a user lands after signing in: where the role's work is. The inbox for the officers who
 * are given tasks; the enterprise's own home (which lists its tasks); the administration for the
 * system administrator, the log for the auditors, the dashboard for the leaders, none of whom is
 * ever a task's candidate.
 */
export function homeFor(role: Role): string {
  if (AUDIT_LOG_READERS.includes(role)) return '/audit';
  if (role === 'security_admin') return '/security';
  if (role === 'system_admin') return '/admin/users';
  if (ownsEnterpriseHome(role)) return '/dashboard';
  return CASE_OFFICER_ROLES.includes(role) ? '/inbox' : '/dashboard';
}

/** The menu as `role` reads it: the page it lands on first, the rest in their order. */
export function menuFor(role: Role): NavItem[] {
  const home = homeFor(role);
  const items = NAVIGATION.filter((item) => allows(item, role));
  return [...items.filter((item) => item.path === home), ...items.filter((item) => item.path !== home)];
}
