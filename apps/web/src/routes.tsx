import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { ReferenceGate } from './api/reference';
import { useAuth, useUser } from './auth/AuthProvider';
import { ChangePasswordPage } from './pages/login/ChangePasswordPage';
import { allows, homeFor, NAVIGATION, ownsEnterpriseHome } from './layout/navigation';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/login/LoginPage';

// Each page is its own chunk, loaded when first opened: the login page loads none of them.
const PAGE_MODULES = {
  CalendarPage: () => import('./pages/admin/CalendarPage').then((m) => m.CalendarPage),
  PolicyPage: () => import('./pages/admin/PolicyPage').then((m) => m.PolicyPage),
  UsersPage: () => import('./pages/admin/UsersPage').then((m) => m.UsersPage),
  AuditPage: () => import('./pages/audit/AuditPage').then((m) => m.AuditPage),
  DashboardPage: () => import('./pages/dashboard/DashboardPage').then((m) => m.DashboardPage),
  EnterpriseListPage: () =>
    import('./pages/enterprises/EnterpriseListPage').then((m) => m.EnterpriseListPage),
  EnterpriseHomePage: () => import('./pages/home/EnterpriseHomePage').then((m) => m.EnterpriseHomePage),
  EnterprisePage: () => import('./pages/enterprises/EnterprisePage').then((m) => m.EnterprisePage),
  InboxPage: () => import('./pages/inbox/InboxPage').then((m) => m.InboxPage),
  LedgerPage: () => import('./pages/ledger/LedgerPage').then((m) => m.LedgerPage),
  NominationPage: () => import('./pages/nominations/NominationPage').then((m) => m.NominationPage),
  NotificationsPage: () => import('./pages/notifications/NotificationsPage').then((m) => m.NotificationsPage),
  TaskPage: () => import('./pages/tasks/TaskPage').then((m) => m.TaskPage),
  SecurityPage: () => import('./pages/security/SecurityPage').then((m) => m.SecurityPage),
};

/** Loads every page's chunk now (the component tests, so that they wait for data, not for modules). */
export function preloadPages(): Promise<unknown> {
  return Promise.all(Object.values(PAGE_MODULES).map((load) => load()));
}

const lazyPage = (load: () => Promise<ComponentType>) =>
  lazy(() => load().then((page) => ({ default: page })));

const CalendarPage = lazyPage(PAGE_MODULES.CalendarPage);
const PolicyPage = lazyPage(PAGE_MODULES.PolicyPage);
const UsersPage = lazyPage(PAGE_MODULES.UsersPage);
const AuditPage = lazyPage(PAGE_MODULES.AuditPage);
const DashboardPage = lazyPage(PAGE_MODULES.DashboardPage);
const EnterpriseListPage = lazyPage(PAGE_MODULES.EnterpriseListPage);
const EnterpriseHomePage = lazyPage(PAGE_MODULES.EnterpriseHomePage);
const EnterprisePage = lazyPage(PAGE_MODULES.EnterprisePage);
const InboxPage = lazyPage(PAGE_MODULES.InboxPage);
const LedgerPage = lazyPage(PAGE_MODULES.LedgerPage);
const NominationPage = lazyPage(PAGE_MODULES.NominationPage);
const NotificationsPage = lazyPage(PAGE_MODULES.NotificationsPage);
const TaskPage = lazyPage(PAGE_MODULES.TaskPage);
const SecurityPage = lazyPage(PAGE_MODULES.SecurityPage);

/** Pages behind the navigation entry of the same path share its roles. */
const PAGES: { path: string; nav: string; element: ReactNode }[] = [
  { path: '/inbox', nav: 'inbox', element: <InboxPage /> },
  { path: '/tasks/:id', nav: 'inbox', element: <TaskPage /> },
  { path: '/enterprises', nav: 'enterprises', element: <EnterpriseListPage /> },
  { path: '/enterprises/:creditCode', nav: 'enterprises', element: <EnterprisePage /> },
  { path: '/nominations/new', nav: 'nominate', element: <NominationPage /> },
  { path: '/problems', nav: 'ledger', element: <LedgerPage /> },
  { path: '/dashboard', nav: 'dashboard', element: <Overview /> },
  { path: '/audit', nav: 'audit', element: <AuditPage /> },
  { path: '/notifications', nav: 'notifications', element: <NotificationsPage /> },
  { path: '/admin/policy', nav: 'policy', element: <PolicyPage /> },
  { path: '/admin/users', nav: 'users', element: <UsersPage /> },
  { path: '/admin/calendar', nav: 'calendar', element: <CalendarPage /> },
  { path: '/security', nav: 'security', element: <SecurityPage /> },
];

/** 总览: the pool's KPI for officers, the enterprise's own home for an enterprise user. */
function Overview() {
  return ownsEnterpriseHome(useUser().role) ? <EnterpriseHomePage /> : <DashboardPage />;
}

/** 403 and 404, each with a way back to the user's home page (homeFor, through the index route). */
function Refusal({ status }: { status: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status === 'forbidden' ? '403' : '404'}
      title={t(`${status}.title`)}
      subTitle={t(`${status}.text`)}
      extra={
        <Button type="primary" onClick={() => navigate('/')} data-testid={`${status}-back`}>
          {t('actions.backHome')}
        </Button>
      }
    />
  );
}

export function AppRoutes() {
  const { user } = useAuth();
  if (user === undefined) return <Spin fullscreen />;
  if (user === null)
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  if (user.mustChangePassword) return <ChangePasswordPage />;
  const navByKey = new Map(NAVIGATION.map((n) => [n.key, n]));
  return (
    <ReferenceGate waiting={<Spin fullscreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<Shell />}>
          <Route index element={<Navigate to={homeFor(user.role)} replace />} />
          {PAGES.map(({ path, nav, element }) => (
            <Route
              key={path}
              path={path}
              element={
                allows(navByKey.get(nav)!, user.role) ? (
                  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{element}</Suspense>
                ) : (
                  <Refusal status="forbidden" />
                )
              }
            />
          ))}
          <Route path="*" element={<Refusal status="notFound" />} />
        </Route>
      </Routes>
    </ReferenceGate>
  );
}
