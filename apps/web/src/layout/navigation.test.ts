import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import enCommon from '../i18n/en/common.json';
import zhCommon from '../i18n/zh-CN/common.json';
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

describe('menu labels', () => {
  // The side menu is 200 px; antd's inline item keeps 4 px margins, 24 px before the 14 px icon and
  // 10 px after it, 16 px at the end: 128 px of text before an ellipsis. jsdom lays nothing out, so
  // the label is measured at 14 px: about 7.5 px a Latin character, 14 px a Chinese one.
  const TEXT_ROOM = 128;
  const width = (label: string) =>
    [...label].reduce((sum, ch) => sum + (/[\u4e00-\u9fff]/.test(ch) ? 14 : 7.5), 0);

  it.each([
    ['en', enCommon.nav],
    ['zh-CN', zhCommon.nav],
  ])('fit the side menu whole in %s (no "Working-day cale…")', (_language, labels) => {
    const cut = Object.values(labels).filter((label) => width(label) > TEXT_ROOM);
    expect(cut).toEqual([]);
  });
});
