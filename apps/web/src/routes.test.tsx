import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageModuleAt, pageModulesFor } from './routes';
import { fastUser, openPage, USERS } from './test/open-page';
import { REFERENCE } from './test/reference.fixture';

describe('pages one may not open', () => {
  it('403: leads back to the home page, as 404 does', async () => {
    const user = fastUser();
    openPage('/admin/users', USERS.leader, { 'GET /reference': REFERENCE });
    await user.click(await screen.findByTestId('forbidden-back'));
    await waitFor(() => expect(window.location.pathname).toBe('/dashboard'));
  });

  it('lands the system administrator on the users, not on an inbox that never holds its task', async () => {
    openPage('/', USERS.admin, { 'GET /reference': REFERENCE, 'GET /users': { items: [], total: 0 } });
    await waitFor(() => expect(window.location.pathname).toBe('/admin/users'));
  });
});

describe('pages loaded ahead of the menu', () => {
  it('are those the role may open: a district officer never downloads the administration', () => {
    expect(pageModulesFor('district_officer').sort()).toEqual([
      'DashboardPage',
      'EnterpriseListPage',
      'EnterprisePage',
      'InboxPage',
      'LedgerPage',
      'NominationPage',
      'NotificationsPage',
      'TaskPage',
    ]);
  });

  it("load an enterprise's own home for 总览, not the pool's dashboard", () => {
    const modules = pageModulesFor('enterprise_user');
    expect(modules).toContain('EnterpriseHomePage');
    expect(modules).not.toContain('DashboardPage');
  });
});

describe('the page started beside the reference at sign-in', () => {
  it("is the role's home from the login page, and the page a link opens otherwise", () => {
    expect(pageModuleAt('/login', 'district_officer')).toBe('InboxPage');
    expect(pageModuleAt('/', 'leader')).toBe('DashboardPage');
    expect(pageModuleAt('/login', 'enterprise_user')).toBe('EnterpriseHomePage');
    expect(pageModuleAt('/tasks/t-1', 'district_officer')).toBe('TaskPage');
    // The auditor reads a task's page (TASK_PAGE), though it has no inbox.
    expect(pageModuleAt('/tasks/t-1', 'auditor')).toBe('TaskPage');
    expect(pageModuleAt('/enterprises', 'leader')).toBe('EnterpriseListPage');
  });

  it('is none for a page the role may not open or that does not exist', () => {
    expect(pageModuleAt('/admin/users', 'district_officer')).toBeUndefined();
    expect(pageModuleAt('/inbox', 'auditor')).toBeUndefined();
    expect(pageModuleAt('/tasks/t-1', 'audit_admin')).toBeUndefined();
    expect(pageModuleAt('/tasks/t-1', 'security_admin')).toBeUndefined();
    expect(pageModuleAt('/nowhere', 'leader')).toBeUndefined();
  });
});
