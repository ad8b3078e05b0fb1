import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useLayoutEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { apiQuiet } from './api/client';
import { ReferenceGate } from './api/reference';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import type { Role } from './api/types';
import { useAuth } from './auth/AuthProvider';
import { ChangePasswordPage } from './pages/login/ChangePasswordPage';
import {
  allows,
  homeFor,
  NAVIGATION,
  ownsEnterpriseHome,
  TASK_PAGE,
  type NavItem,
} from './layout/navigation';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/login/LoginPage';
import { primeInbox } from './pages/inbox/inboxFilter';

// Each page is its own chunk, loaded when first opened: the login page loads none of them.
const PAGE_MODULES = {
  CalendarPage: () => import('./pages/admin/CalendarPage').then((m) => m.CalendarPage),
  ClustersPage: () => import('./pages/admin/ClustersPage').then((m) => m.ClustersPage),
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

type PageModule = keyof typeof PAGE_MODULES;

const LAZY_PAGES = {} as Record<PageModule, ComponentType>;
for (const name of Object.keys(PAGE_MODULES) as PageModule[]) LAZY_PAGES[name] = lazyPage(PAGE_MODULES[name]);

/**
 * Pages behind the navigation entry of the same path share its roles, unless `access` names their
 * own; `page` names the module.
 */
const PAGES: {
  path: string;
  nav: string;
  access?: Pick<NavItem, 'roles'>;
  page: PageModule | ((role: Role) => PageModule);
}[] = [
  { path: '/inbox', nav: 'inbox', page: 'InboxPage' },
  // The inbox's roles and the auditor, who reads a task and acts on none.
  { path: '/tasks/:id', nav: 'inbox', access: TASK_PAGE, page: 'TaskPage' },
  { path: '/enterprises', nav: 'enterprises', page: 'EnterpriseListPage' },
  { path: '/enterprises/:creditCode', nav: 'enterprises', page: 'EnterprisePage' },
  { path: '/nominations/new', nav: 'nominate', page: 'NominationPage' },
  { path: '/problems', nav: 'ledger', page: 'LedgerPage' },
  // 总览: the pool's KPI for officers, the enterprise's own home for an enterprise user.
  {
    path: '/dashboard',
    nav: 'dashboard',
    page: (role) => (ownsEnterpriseHome(role) ? 'EnterpriseHomePage' : 'DashboardPage'),
  },
  { path: '/audit', nav: 'audit', page: 'AuditPage' },
  { path: '/notifications', nav: 'notifications', page: 'NotificationsPage' },
  { path: '/admin/policy', nav: 'policy', page: 'PolicyPage' },
  { path: '/admin/users', nav: 'users', page: 'UsersPage' },
  { path: '/admin/calendar', nav: 'calendar', page: 'CalendarPage' },
  { path: '/admin/clusters', nav: 'clusters', page: 'ClustersPage' },
  { path: '/security', nav: 'security', page: 'SecurityPage' },
];

const pageFor = ({ page }: (typeof PAGES)[number], role: Role): PageModule =>
  typeof page === 'function' ? page(role) : page;

const NAV_BY_KEY = new Map(NAVIGATION.map((n) => [n.key, n]));

/** Whether `role` may open the page: its own roles, or its navigation entry's. */
const opens = (entry: (typeof PAGES)[number], role: Role): boolean =>
  allows(entry.access ?? NAV_BY_KEY.get(entry.nav)!, role);

/**
 * The page module `pathname` opens for `role`: its home for / and /login (where a sign-in starts);
 * undefined for an address it may not open or that does not exist.
 */
export function pageModuleAt(pathname: string, role: Role): PageModule | undefined {
  const path = pathname === '/' || pathname === '/login' ? homeFor(role) : pathname;
  const entry = PAGES.find((p) => matchPath(p.path, path));
  return entry && opens(entry, role) ? pageFor(entry, role) : undefined;
}

/**
 * The first requests of a page, sent with its chunk (api/primed.ts): the officers' inbox asked for
 * its tasks only once its chunk had come and its filters, views and table had rendered (7 s after
 * the login click under load). `params`: the address's query, none on the login page.
 */
const FIRST_REQUESTS: Partial<Record<PageModule, (role: Role, params: URLSearchParams) => void>> = {
  InboxPage: primeInbox,
};

/**
 * Fetches the chunk of the page about to open as soon as the role is known, beside GET /reference
 * (ReferenceGate), and sends its first requests: the page's code then arrives while the reference
 * and its data do, not before them.
 */
function useFirstPageStarted(role: Role | undefined) {
  // Before the page's own effects (a layout effect runs before every passive one): when the reference
  // is there already, the page renders in the same commit and would ask first.
  useLayoutEffect(() => {
    const { pathname, search } = window.location;
    const page = role && pageModuleAt(pathname, role);
    if (!page) return;
    FIRST_REQUESTS[page]?.(role, new URLSearchParams(pathname === '/login' ? '' : search));
    // Not reported here: the route imports it again and its error boundary says so.
    void PAGE_MODULES[page]().catch(() => undefined);
  }, [role]);
}

/** Waits this long after the first page's chunk, then for its requests, before fetching the other pages. */
const PRELOAD_AFTER_MS = 1000;

/** The chunks of the pages `role` may open (the route guard's rule), each once. */
export function pageModulesFor(role: Role): PageModule[] {
  return [...new Set(PAGES.filter((p) => opens(p, role)).map((p) => pageFor(p, role)))];
}

/**
 * Loads the chunks of every page the user may open once the first page is there: a tap in the menu
 * (on a phone's network, a round trip and more per chunk) then waits only for the page's data. Once
 * its own chunk has come, a second has passed and its requests have answered: a timer from sign-in
 * alone fired while the first page's chunk was still on its way in the loaded walk, and its 1.3 MB
 * (ECharts among them) were parsed and run before the first page asked for its data.
 */
function usePreloadedPages(role: Role) {
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = pageModuleAt(window.location.pathname, role);
    const preload = () => {
      // Not reported here: opening the page imports it again, and says so if that fails (a browser
      // may keep a failed module until the next reload, as after a failed tap).
      if (live) pageModulesFor(role).forEach((m) => void PAGE_MODULES[m]().catch(() => undefined));
    };
    void (first ? PAGE_MODULES[first]() : Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        if (live) timer = setTimeout(() => void apiQuiet().then(preload), PRELOAD_AFTER_MS);
      });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [role]);
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
  useFirstPageStarted(user && !user.mustChangePassword ? user.role : undefined);
  if (user === undefined) return <Spin fullscreen />;
  if (user === null)
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  if (user.mustChangePassword) return <ChangePasswordPage />;
  return (
    <ReferenceGate waiting={<Spin fullscreen />}>
      <SignedInRoutes role={user.role} />
    </ReferenceGate>
  );
}

function SignedInRoutes({ role }: { role: Role }) {
  usePreloadedPages(role);
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<Shell />}>
        <Route index element={<Navigate to={homeFor(role)} replace />} />
        {PAGES.map((entry) => {
          const Page = LAZY_PAGES[pageFor(entry, role)];
          return (
            <Route
              key={entry.path}
              path={entry.path}
              element={
                opens(entry, role) ? (
                  <PageErrorBoundary>
                    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                      <Page />
                    </Suspense>
                  </PageErrorBoundary>
                ) : (
                  <Refusal status="forbidden" />
                )
              }
            />
          );
        })}
        <Route path="/password" element={<ChangePasswordPage voluntary />} />
        <Route path="*" element={<Refusal status="notFound" />} />
      </Route>
    </Routes>
  );
}
