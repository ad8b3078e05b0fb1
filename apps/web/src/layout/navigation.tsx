import {
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileAddOutlined,
  InboxOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES } from '@hardtech/domain/roles';
import type { Role } from '../api/types';

export interface NavItem {
  /** i18n key under common:nav. */
  key: string;
  path: string;
  icon: ReactNode;
  /** Who sees the entry; the server checks again on every request. */
  roles: readonly Role[] | 'all';
}

/** Everyone but auditors, who only read. */
const OFFICERS: readonly Role[] = ROLES.filter((role) => role !== 'auditor');

export const NAVIGATION: NavItem[] = [
  { key: 'inbox', path: '/inbox', icon: <InboxOutlined />, roles: OFFICERS },
  { key: 'enterprises', path: '/enterprises', icon: <ShopOutlined />, roles: 'all' },
  {
    key: 'nominate',
    path: '/nominations/new',
    icon: <FileAddOutlined />,
    roles: ['city_coordinator', 'industry_officer', 'district_officer', 'enterprise_user'],
  },
  { key: 'ledger', path: '/problems', icon: <UnorderedListOutlined />, roles: 'all' },
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, roles: 'all' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, roles: ['auditor', 'city_coordinator', 'admin'] },
  { key: 'notifications', path: '/notifications', icon: <BellOutlined />, roles: 'all' },
  { key: 'policy', path: '/admin/policy', icon: <SettingOutlined />, roles: ['admin', 'city_coordinator'] },
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, roles: ['admin', 'city_coordinator'] },
  {
    key: 'calendar',
    path: '/admin/calendar',
    icon: <CalendarOutlined />,
    roles: ['admin', 'city_coordinator'],
  },
];

export function allows(item: Pick<NavItem, 'roles'>, role: Role): boolean {
  return item.roles === 'all' || item.roles.includes(role);
}

/** Where a user lands after signing in: the inbox for those with tasks, else the dashboard. */
export function homeFor(role: Role): string {
  if (role === 'auditor') return '/audit';
  return OFFICERS.includes(role) && role !== 'leader' ? '/inbox' : '/dashboard';
}
