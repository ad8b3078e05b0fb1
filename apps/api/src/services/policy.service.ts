import { Injectable } from '@nestjs/common';
import { Actor, parsePolicy, personDepartment, Policy } from '@hardtech/domain';
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
    const people = await this.users.findByUsernames([...new Set(versions.map((v) => v.createdBy))]);
    const byUsername = new Map(people.map((u) => [u.username, u]));
    return versions.map((v) => {
      const person = byUsername.get(v.createdBy);
      return {
        ...v,
        createdByName: person?.displayName ?? null,
        createdByDepartment: person ? personDepartment(person.role, person.scope ?? {}) : null,
      };
    });
  }

  replace(actor: Actor, body: unknown): Promise<Policy> {
    return this.policies.save(parsePolicy(body), actor.username);
  }
}
