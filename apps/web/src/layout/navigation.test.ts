import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { allows, homeFor, menuFor, NAVIGATION, navLabel } from './navigation';

const visible = (role: Role) => NAVIGATION.filter((n) => allows(n, role)).map((n) => n.key);

describe('navigation by role', () => {
  it('gives auditors the audit log and no inbox or administration', () => {
    expect(visible('auditor')).toContain('audit');
    expect(visible('auditor')).not.toContain('inbox');
    expect(visible('auditor')).not.toContain('policy');
    expect(homeFor('auditor')).toBe('/audit');
  });

  it('lets enterprise users nominate and work their inbox, not administer; their home is their own 总览', () => {
    expect(visible('enterprise_user')).toEqual(expect.arrayContaining(['inbox', 'nominate', 'dashboard']));
    expect(visible('enterprise_user')).not.toContain('users');
    expect(homeFor('enterprise_user')).toBe('/dashboard');
    const dashboard = NAVIGATION.find((n) => n.key === 'dashboard')!;
    expect(navLabel(dashboard, 'enterprise_user')).toBe('home');
    expect(navLabel(dashboard, 'city_coordinator')).toBe('dashboard');
    expect(homeFor('district_officer')).toBe('/inbox');
  });

  it('sends leaders to the dashboard', () => {
    expect(homeFor('leader')).toBe('/dashboard');
  });

  it('三员: the system administrator administers, the audit administrator reads the log, neither the security administrator', () => {
    expect(visible('system_admin')).toEqual(expect.arrayContaining(['users', 'policy', 'calendar']));
    expect(visible('system_admin')).not.toContain('audit');
    expect(visible('audit_admin')).toEqual(['audit', 'notifications']);
    expect(homeFor('audit_admin')).toBe('/audit');
    expect(visible('security_admin')).toEqual(['notifications', 'security']);
    expect(homeFor('security_admin')).toBe('/security');
    expect(visible('city_coordinator')).not.toContain('audit');
  });

  it('lands each role where its work is, never on an inbox that can hold no task of its own', () => {
    expect(homeFor('system_admin')).toBe('/admin/users');
    expect(homeFor('leader')).toBe('/dashboard');
    expect(homeFor('auditor')).toBe('/audit');
    for (const role of ['city_coordinator', 'industry_officer', 'sme_officer', 'commissioner'] as Role[])
      expect(homeFor(role)).toBe('/inbox');
  });

  it("lists the page a role lands on first in its menu: an enterprise's 总览 before its tasks", () => {
    expect(menuFor('enterprise_user').map((n) => n.key)[0]).toBe('dashboard');
    expect(menuFor('enterprise_user').map((n) => n.key)).toContain('inbox');
    expect(menuFor('system_admin')[0].key).toBe('users');
    expect(menuFor('district_officer')[0].key).toBe('inbox');
  });
});
