import { Injectable } from '@nestjs/common';
import { Actor, parsePolicy, Policy } from '@hardtech/domain';
import { PolicyRepository, UsersRepository } from '@hardtech/persistence';
import { PolicyVersionDto } from '../dtos/admin.dto';

/** Policy versions: running lifecycles use the newest for every task they create from now on. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly users: UsersRepository,
  ) {}

  active(): Promise<Policy> {
    return this.policies.active();
  }

  /** Each version with the person who published it by name and department, as the UI names people. */
  async versions(): Promise<PolicyVersionDto[]> {
    const versions = await this.policies.versions();
    const people = await this.users.people(versions.map((v) => v.createdBy));
    return versions.map((v) => {
      const person = people.get(v.createdBy);
      return {
        ...v,
        createdByName: person?.displayName ?? null,
        createdByDepartment: person?.department ?? null,
      };
    });
  }

  replace(actor: Actor, body: unknown): Promise<Policy> {
    return this.policies.save(parsePolicy(body), actor.username);
  }
}
