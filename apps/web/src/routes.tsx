import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { ChangePasswordPage } from './pages/login/ChangePasswordPage';
import { allows, homeFor, NAVIGATION } from './layout/navigation';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/login/LoginPage';

// Each page is its own chunk, loaded when first opened: the login page loads none of them.
const CalendarPage = lazy(() =>
  import('./pages/admin/CalendarPage').then((m) => ({ default: m.CalendarPage })),
);
const PolicyPage = lazy(() => import('./pages/admin/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const EnterpriseListPage = lazy(() =>
  import('./pages/enterprises/EnterpriseListPage').then((m) => ({ default: m.EnterpriseListPage })),
);
const EnterprisePage = lazy(() =>
  import('./pages/enterprises/EnterprisePage').then((m) => ({ default: m.EnterprisePage })),
);
const InboxPage = lazy(() => import('./pages/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const NominationPage = lazy(() =>
  import('./pages/nominations/NominationPage').then((m) => ({ default: m.NominationPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const TaskPage = lazy(() => import('./pages/tasks/TaskPage').then((m) => ({ default: m.TaskPage })));

/** Pages behind the navigation entry of the same path share its roles. */
const PAGES: { path: string; nav: string; element: ReactNode }[] = [
  { path: '/inbox', nav: 'inbox', element: <InboxPage /> },
  { path: '/tasks/:id', nav: 'inbox', element: <TaskPage /> },
  { path: '/enterprises', nav: 'enterprises', element: <EnterpriseListPage /> },
  { path: '/enterprises/:creditCode', nav: 'enterprises', element: <EnterprisePage /> },
  { path: '/nominations/new', nav: 'nominate', element: <NominationPage /> },
  { path: '/problems', nav: 'ledger', element: <LedgerPage /> },
  { path: '/dashboard', nav: 'dashboard', element: <DashboardPage /> },
  { path: '/audit', nav: 'audit', element: <AuditPage /> },
  { path: '/notifications', nav: 'notifications', element: <NotificationsPage /> },
  { path: '/admin/policy', nav: 'policy', element: <PolicyPage /> },
  { path: '/admin/users', nav: 'users', element: <UsersPage /> },
  { path: '/admin/calendar', nav: 'calendar', element: <CalendarPage /> },
];

function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />;
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={<Button onClick={() => navigate('/')}>{t('actions.back')}</Button>}
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
                <Forbidden />
              )
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
