import {
  DEFAULT_SECURITY_POLICY,
  passwordExpired,
  securityPolicyProblems,
  sessionEndsAt,
} from './security-policy';

const fields = (p: object) =>
  securityPolicyProblems({ ...DEFAULT_SECURITY_POLICY, ...p }).map((e) => e.field);

describe('securityPolicyProblems', () => {
  it('accepts the defaults', () => {
    expect(fields({})).toEqual([]);
  });

  it('names each number out of bounds or not whole', () => {
    expect(
      fields({ maxFailedLogins: 0, lockMinutes: 1.5, passwordMinLength: 7, passwordMaxAgeDays: -1 }),
    ).toEqual(['maxFailedLogins', 'lockMinutes', 'passwordMinLength', 'passwordMaxAgeDays']);
  });

  it('refuses an idle timeout longer than the lifetime', () => {
    expect(fields({ idleTimeoutMinutes: 120, sessionLifetimeMinutes: 60 })).toEqual(['idleTimeoutMinutes']);
  });

  it('names the bad proxy and host entries by index', () => {
    expect(
      fields({
        trustedProxies: ['loopback', '10.0.0.0/8', 'evil proxy', '999.1.1.1', '10.0.0.0/33', '2001:db8::/32'],
        outboundHosts: ['hooks.example.cn', 'https://x'],
      }),
    ).toEqual(['trustedProxies[2]', 'trustedProxies[3]', 'trustedProxies[4]', 'outboundHosts[1]']);
  });
});

describe('sessionEndsAt', () => {
  const policy = { idleTimeoutMinutes: 30, sessionLifetimeMinutes: 480 };
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 8, m));

  it('is the idle limit while the session is used', () => {
    expect(sessionEndsAt({ createdAt: at(0), lastSeenAt: at(10) }, policy)).toEqual(at(40));
  });

  it('is the lifetime however recently it was used', () => {
    expect(sessionEndsAt({ createdAt: at(0), lastSeenAt: at(470) }, policy)).toEqual(at(480));
  });
});

describe('passwordExpired', () => {
  const changed = new Date('2026-01-01T00:00:00Z');
  it('never with a maximum age of 0', () => {
    expect(passwordExpired(changed, { passwordMaxAgeDays: 0 }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('from the day the maximum age is reached', () => {
    expect(passwordExpired(changed, { passwordMaxAgeDays: 90 }, new Date('2026-03-31T23:59:59Z'))).toBe(
      false,
    );
    expect(passwordExpired(changed, { passwordMaxAgeDays: 90 }, new Date('2026-04-01T00:00:00Z'))).toBe(true);
  });
});
