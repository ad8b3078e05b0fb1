import { BlockList, isIPv6 } from 'node:net';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SecurityPolicyRepository } from '@hardtech/persistence';

/** Express's names for address ranges (`trust proxy`), as the policy and TRUSTED_PROXIES use them. */
const NAMED: Record<string, [string, number][]> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  linklocal: [
    ['169.254.0.0', 16],
    ['fe80::', 10],
  ],
  uniquelocal: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
};

/** The addresses whose X-Forwarded-For is believed, from entries checked by `securityPolicyProblems`. */
export function compileTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const ranges = NAMED[entry] ?? [[address, Number(bits ?? (isIPv6(address) ? 128 : 32))]];
    for (const [a, b] of ranges) list.addSubnet(a, b, isIPv6(a) ? 'ipv6' : 'ipv4');
  }
  return list;
}

/**
 * Express's `trust proxy`, kept in step with the security policy (issue 20.4): the security
 * administrator's list applies within seconds on every API process, and at once on the one that
 * saved it. Until a policy is saved it is TRUSTED_PROXIES (default loopback).
 */
@Injectable()
export class TrustedProxies implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TrustedProxies');
  private list = compileTrustedProxies(['loopback']);
  private timer?: NodeJS.Timeout;

  constructor(private readonly policy: SecurityPolicyRepository) {}

  /** For `app.set('trust proxy', …)`: whether the hop at `address` may name the client. */
  readonly trusts = (address: string): boolean => this.list.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), 15_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      this.list = compileTrustedProxies((await this.policy.get()).trustedProxies);
    } catch (e) {
      this.logger.warn(`trusted proxies not refreshed, keeping the last list: ${e}`);
    }
  }
}
