import { Injectable } from '@nestjs/common';
import { Actor, parsePolicy, Policy } from '@hardtech/domain';
import { PolicyRepository } from '@hardtech/persistence';

/** Policy versions: running lifecycles use the newest for every task they create from now on. */
@Injectable()
export class PolicyService {
  constructor(private readonly policies: PolicyRepository) {}

  active(): Promise<Policy> {
    return this.policies.active();
  }

  versions() {
    return this.policies.versions();
  }

  replace(actor: Actor, body: unknown): Promise<Policy> {
    return this.policies.save(parsePolicy(body), actor.username);
  }
}
