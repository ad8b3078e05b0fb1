import { applicationRoleOf } from './application-role';

describe('applicationRoleOf', () => {
  const owner = 'postgres://postgres:secret@127.0.0.1:5432/hardtech';

  it('names the role and password of DATABASE_URL when another user migrates', () => {
    expect(applicationRoleOf('postgres://hardtech_app:p%40ss%2Fw@127.0.0.1:5432/hardtech', owner)).toEqual({
      name: 'hardtech_app',
      password: 'p@ss/w',
    });
  });

  it('is null when the application connects as the owner (one role)', () => {
    expect(applicationRoleOf(owner, owner)).toBeNull();
    expect(applicationRoleOf('postgres://postgres@db/other', owner)).toBeNull();
  });

  it('refuses a role name that would need quoting, and a role without a password', () => {
    expect(() => applicationRoleOf('postgres://App-Role:x@db/h', owner)).toThrow(/lower-case/);
    expect(() => applicationRoleOf('postgres://hardtech_app@db/h', owner)).toThrow(/without a password/);
  });
});
