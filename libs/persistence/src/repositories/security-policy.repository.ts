import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, CONFIG, outboundPolicyOf } from '@hardtech/config';
import { DEFAULT_SECURITY_POLICY, OutboundPolicy, SecurityPolicy } from '@hardtech/domain';

/**
 * The one row of `security_policy`; until a security administrator saves one, the defaults, with
 * the deployment's TRUSTED_PROXIES as the trusted proxies.
 */
@Injectable()
export class SecurityPolicyRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<SecurityPolicy> {
    const [row] = await this.ds.query(`SELECT policy FROM security_policy WHERE id = 1`);
    return this.withDefaults(row?.policy ?? null);
  }

  /** The policy from the stored row's body (null: none saved), e.g. read with a request's session. */
  withDefaults(stored: Partial<SecurityPolicy> | null): SecurityPolicy {
    return { ...DEFAULT_SECURITY_POLICY, trustedProxies: this.config.trustProxy, ...(stored ?? {}) };
  }

  /** Where notifications may go: NOTIFY_ALLOWED_HOSTS and the policy's outbound hosts. */
  async outboundPolicy(): Promise<OutboundPolicy> {
    const base = outboundPolicyOf(this.config);
    return { ...base, allowedHosts: [...base.allowedHosts, ...(await this.get()).outboundHosts] };
  }

  async put(policy: SecurityPolicy, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO security_policy (id, policy, updated_at, updated_by) VALUES (1, $1, now(), $2)
       ON CONFLICT (id) DO UPDATE SET policy = EXCLUDED.policy, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [JSON.stringify(policy), by],
    );
  }
}
