import { t, Text } from './text';

// Pure (the workflows import this package): no node:net, addresses are recognised by their shape.
const IPV4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/;
const IPV6 = /^[0-9a-f:]+(?:\d+\.\d+\.\d+\.\d+)?$/;
const isAddress = (host: string) => IPV4.test(host) || (host.includes(':') && IPV6.test(host));

/**
 * Where the system may send notifications (issue 20.5, docs/security.md): the documented robot
 * hosts of 企业微信 and 钉钉 over https, plus the hosts an operator lists in NOTIFY_ALLOWED_HOSTS.
 * A URL a user types must not make the server call into the intranet (SSRF).
 */
export const ROBOT_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'] as const;

export interface OutboundPolicy {
  /** NOTIFY_ALLOWED_HOSTS: host names (or addresses) allowed besides the robot hosts. */
  allowedHosts: readonly string[];
  /**
   * Only the test stack: its receivers listen on loopback over plain http. Even then a loopback
   * host must be listed in NOTIFY_ALLOWED_HOSTS.
   */
  allowListedLoopback: boolean;
}

/** Why a notification URL is refused, or null when it may be called. */
export function outboundUrlProblem(raw: string, policy: OutboundPolicy): Text | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return t('不是有效的网址', 'not a valid URL');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const listed = policy.allowedHosts.map((h) => h.toLowerCase()).includes(host);
  if (!listed && !(ROBOT_HOSTS as readonly string[]).includes(host)) {
    return t(
      `只允许企业微信、钉钉机器人地址或管理员配置的主机（${host} 不在其中）`,
      `only the WeCom and DingTalk robot hosts or NOTIFY_ALLOWED_HOSTS (not ${host})`,
    );
  }
  if (url.username || url.password) return t('网址中不能含用户名或密码', 'no credentials in the URL');
  const loopbackForTests = policy.allowListedLoopback && listed && isLoopback(host);
  if (url.protocol !== 'https:' && !(loopbackForTests && url.protocol === 'http:')) {
    return t('只允许 https 地址', 'only https URLs');
  }
  return isAddress(host) ? addressProblem(host, policy, listed) : null;
}

/**
 * Why an address the host name resolved to may not be connected to: loopback, private (RFC 1918,
 * unique-local), link-local (cloud metadata at 169.254.169.254), unspecified, CGNAT or multicast.
 * Checked at send time on the address actually connected to, so a name that resolves to a public
 * address when saved and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
export function addressProblem(address: string, policy: OutboundPolicy, hostListed: boolean): Text | null {
  if (policy.allowListedLoopback && hostListed && isLoopback(address)) return null;
  return isInternalAddress(address)
    ? t(`不允许访问内网或本机地址 ${address}`, `internal address refused: ${address}`)
    : null;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || /^::ffff:127\./i.test(host);
}

export function isInternalAddress(address: string): boolean {
  const a = address.toLowerCase();
  const v4 = IPV4.exec(a);
  if (v4) {
    const [x, y] = [Number(v4[1]), Number(v4[2])];
    return (
      x === 0 ||
      x === 10 ||
      x === 127 ||
      (x === 100 && y >= 64 && y <= 127) ||
      (x === 169 && y === 254) ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      (x === 198 && (y === 18 || y === 19)) ||
      x >= 224
    );
  }
  if (!a.includes(':') || !IPV6.test(a)) return true; // not an address: refuse
  return (
    a === '::' ||
    a === '::1' ||
    /^f[cd]/.test(a) || // unique local fc00::/7
    /^fe[89ab]/.test(a) || // link-local fe80::/10
    /^ff/.test(a) // multicast
  );
}
