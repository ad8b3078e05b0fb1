import type { FieldError } from './errors';
import { t } from './text';

/**
 * The security policy the security administrator keeps (issue 20.3/20.4, GB/T 22239-2019 8.1.4.1):
 * login-failure handling, session limits, password rules, which proxies' X-Forwarded-For is believed
 * and which outbound hosts notifications may reach besides the documented robot hosts.
 */
export interface SecurityPolicy {
  /** Wrong passwords (login or own-password change) that lock the account. */
  maxFailedLogins: number;
  lockMinutes: number;
  /** A session unused this long ends. */
  idleTimeoutMinutes: number;
  /** A session ends this long after its login, used or not. */
  sessionLifetimeMinutes: number;
  passwordMinLength: number;
  /** Upper and lower case letters both, on top of letters and digits. */
  passwordRequireMixedCase: boolean;
  /** A character that is neither letter nor digit, on top of letters and digits. */
  passwordRequireSymbol: boolean;
  /** Days after which a password must be changed at the next login; 0: never. */
  passwordMaxAgeDays: number;
  /** Express `trust proxy` entries: loopback, linklocal, uniquelocal, an IP or a CIDR. */
  trustedProxies: string[];
  /** Host names webhook and robot URLs may use besides the documented robot hosts. */
  outboundHosts: string[];
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  idleTimeoutMinutes: 30,
  sessionLifetimeMinutes: 8 * 60,
  passwordMinLength: 10,
  passwordRequireMixedCase: false,
  passwordRequireSymbol: false,
  passwordMaxAgeDays: 0,
  trustedProxies: ['loopback'],
  outboundHosts: [],
};

type NumberField = {
  [K in keyof SecurityPolicy]: SecurityPolicy[K] extends number ? K : never;
}[keyof SecurityPolicy];

/** Bounds of the numbers: a lockout of 0 failures or a session of a week is not a policy. */
const BOUNDS: Record<NumberField, [number, number]> = {
  maxFailedLogins: [3, 10],
  lockMinutes: [1, 24 * 60],
  idleTimeoutMinutes: [1, 24 * 60],
  sessionLifetimeMinutes: [5, 24 * 60],
  passwordMinLength: [8, 64],
  passwordMaxAgeDays: [0, 3650],
};

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Express's named ranges, an IPv4 address or CIDR, an IPv6 address or CIDR. */
const PROXY = new RegExp(
  `^(loopback|linklocal|uniquelocal|${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?\\d))?|[\\da-fA-F:]*:[\\da-fA-F:]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?)$`,
);
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** What is wrong with a proposed policy, field by field; empty when it may be saved. */
export function securityPolicyProblems(p: SecurityPolicy): FieldError[] {
  const problems: FieldError[] = [];
  for (const [field, [min, max]] of Object.entries(BOUNDS) as [NumberField, [number, number]][]) {
    if (!Number.isInteger(p[field]) || p[field] < min || p[field] > max) {
      problems.push({
        field,
        text: t(`应为 ${min}–${max} 的整数`, `must be an integer from ${min} to ${max}`),
      });
    }
  }
  if (p.idleTimeoutMinutes > p.sessionLifetimeMinutes) {
    problems.push({
      field: 'idleTimeoutMinutes',
      text: t('空闲超时不能长于会话最长时间', 'must not exceed sessionLifetimeMinutes'),
    });
  }
  p.trustedProxies.forEach((proxy, i) => {
    if (!PROXY.test(proxy)) {
      problems.push({
        field: `trustedProxies[${i}]`,
        text: t(
          '应为 loopback、linklocal、uniquelocal、IP 或 CIDR',
          'use loopback, linklocal, uniquelocal, an IP or a CIDR',
        ),
      });
    }
  });
  p.outboundHosts.forEach((host, i) => {
    if (!HOST.test(host)) {
      problems.push({
        field: `outboundHosts[${i}]`,
        text: t('应为小写主机名，不含协议和端口', 'a lower-case host name, no scheme or port'),
      });
    }
  });
  return problems;
}

/** When a session stops being live: idle too long, or past its lifetime, whichever comes first. */
export function sessionEndsAt(
  session: { createdAt: Date; lastSeenAt: Date },
  policy: Pick<SecurityPolicy, 'idleTimeoutMinutes' | 'sessionLifetimeMinutes'>,
): Date {
  return new Date(
    Math.min(
      session.lastSeenAt.getTime() + policy.idleTimeoutMinutes * 60_000,
      session.createdAt.getTime() + policy.sessionLifetimeMinutes * 60_000,
    ),
  );
}

/** Whether a password set at `changedAt` has outlived the policy's maximum age. */
export function passwordExpired(
  changedAt: Date,
  policy: Pick<SecurityPolicy, 'passwordMaxAgeDays'>,
  now: Date,
): boolean {
  return (
    policy.passwordMaxAgeDays > 0 &&
    now.getTime() - changedAt.getTime() >= policy.passwordMaxAgeDays * 86_400_000
  );
}
