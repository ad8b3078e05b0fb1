import { Injectable } from '@nestjs/common';
import { FieldError, retiredClusterRefusal, RuleViolation, t } from '@hardtech/domain';
import { ClustersRepository, TaskEntity } from '@hardtech/persistence';
import { UsersService } from './users.service';

const named = (username: unknown): username is string =>
  typeof username === 'string' && username.length <= 64;

/** The cluster a completion chooses anew, as [field, code]: ADMIT's lead cluster, a supplement's correction. */
function chosenCluster(type: string, outcome: string, data: Record<string, unknown>) {
  if (type === 'ADMIT' && outcome === 'admit') return ['data.leadCluster', data.leadCluster] as const;
  const corrections = data.corrections;
  if (type === 'SUPPLEMENT' && typeof corrections === 'object' && corrections)
    return ['data.corrections.cluster', (corrections as { cluster?: unknown }).cluster] as const;
  return null;
}

/**
 * Checks what a workflow cannot: that users named in a completion exist and have the right role
 * and scope (ADMIT's commissioner and district liaison, read in one query), and that the cluster
 * it chooses (ADMIT's lead cluster, a supplement's corrected one) is not retired. Refusals are 422 with the field.
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
    const chosen = chosenCluster(task.type, outcome, data);
    if (chosen) {
      // A retired cluster leads no new member and is corrected to by no nomination: 422 with the
      // field (the workflow, given only the active codes, would refuse it as an unknown one, 400).
      const retired = retiredClusterRefusal(
        chosen[0],
        chosen[1],
        retiredClusters ?? (await this.clusters.retiredCodes()),
      );
      if (retired) throw retired;
    }
    if (task.type !== 'ADMIT' || outcome !== 'admit') return;
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
