import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { ChangePasswordPage } from './pages/login/ChangePasswordPage';
import { allows, homeFor, NAVIGATION } from './layout/navigation';
import { Shell } from './layout/Shell';
import { CalendarPage } from './pages/admin/CalendarPage';
import { PolicyPage } from './pages/admin/PolicyPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { EnterpriseListPage } from './pages/enterprises/EnterpriseListPage';
import { EnterprisePage } from './pages/enterprises/EnterprisePage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LedgerPage } from './pages/ledger/LedgerPage';
import { LoginPage } from './pages/login/LoginPage';
import { NominationPage } from './pages/nominations/NominationPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { TaskPage } from './pages/tasks/TaskPage';

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
            element={allows(navByKey.get(nav)!, user.role) ? element : <Forbidden />}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
