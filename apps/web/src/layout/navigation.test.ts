import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { allows, homeFor, NAVIGATION } from './navigation';

const visible = (role: Role) => NAVIGATION.filter((n) => allows(n, role)).map((n) => n.key);

describe('navigation by role', () => {
  it('gives auditors the audit log and no inbox or administration', () => {
    expect(visible('auditor')).toContain('audit');
    expect(visible('auditor')).not.toContain('inbox');
    expect(visible('auditor')).not.toContain('policy');
    expect(homeFor('auditor')).toBe('/audit');
  });

  it('lets enterprise users nominate and work their inbox, not administer', () => {
    expect(visible('enterprise_user')).toEqual(expect.arrayContaining(['inbox', 'nominate']));
    expect(visible('enterprise_user')).not.toContain('users');
    expect(homeFor('enterprise_user')).toBe('/inbox');
  });

  it('sends leaders to the dashboard', () => {
    expect(homeFor('leader')).toBe('/dashboard');
  });
});
