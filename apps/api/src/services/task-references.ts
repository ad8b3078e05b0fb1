import { Injectable } from '@nestjs/common';
import { FieldError, retiredClusterRefusal, RuleViolation, t } from '@hardtech/domain';
import { ClustersRepository, TaskEntity } from '@hardtech/persistence';
import { UsersService } from './users.service';

const named = (username: unknown): username is string =>
  typeof username === 'string' && username.length <= 64;

/**
 * Checks what a workflow cannot: that users named in a completion exist and have the right role
 * and scope (ADMIT's commissioner and district liaison, read in one query), and that its lead
 * cluster is not retired. Refusals are 422 with the field.
 */
@Injectable()
export class TaskReferences {
  constructor(
    private readonly users: UsersService,
    private readonly clusters: ClustersRepository,
  ) {}

  /** `retiredClusters`: the taxonomy's retired codes when the caller read them already. */
  async check(
    task: TaskEntity,
    outcome: string,
    data: Record<string, unknown>,
    retiredClusters?: ReadonlySet<string>,
  ): Promise<void> {
    if (task.type !== 'ADMIT' || outcome !== 'admit') return;
    // A retired cluster leads no new member (the workflow, given the active codes, refuses it too).
    const retired = retiredClusterRefusal(
      'data.leadCluster',
      data.leadCluster,
      retiredClusters ?? (await this.clusters.retiredCodes()),
    );
    if (retired) throw retired;
    const problems: FieldError[] = [];
    const people = await this.users.findActors([data.commissioner, data.districtLiaison].filter(named));
    const user = (username: unknown) => (named(username) ? people.get(username) : undefined);
    const commissioner = user(data.commissioner);
    if (!commissioner || commissioner.role !== 'commissioner') {
      problems.push({
        field: 'data.commissioner',
        text: t('不是有效的企业服务专员账号', 'not a commissioner account'),
      });
    }
    const liaison = user(data.districtLiaison);
    if (
      !liaison ||
      liaison.role !== 'district_officer' ||
      !(liaison.scope.districts ?? []).includes(task.district)
    ) {
      problems.push({
        field: 'data.districtLiaison',
        text: t('不是该企业所在区县的经信部门账号', 'not a district officer of the enterprise’s district'),
      });
    }
    if (problems.length) {
      throw new RuleViolation(
        'UNKNOWN_ASSIGNEE',
        t('指定的人员无效', 'an assigned person is not valid'),
        problems,
      );
    }
  }
}
