import { personDepartment, TASK_DEPARTMENT_LABELS, type TaskDepartment } from '@hardtech/domain/departments';
import type { Role } from '@hardtech/domain/roles';
import type { Text } from '../../api/types';

/** What a candidate group's name is made of: the labels of the UI's language. */
export interface GroupNames {
  local: (text: Text | null | undefined) => string;
  role: (role: Role) => Text | undefined;
  district: (code: string) => string;
  cluster: (code: string) => string;
  /** Who a `user:<username>` group is, by name (the task's candidateNames). */
  person: (username: string) => string | undefined;
  /** "role (where)": 行业处室（新一代电子信息制造业）, Industry officer (Advanced Materials). */
  within: (who: string, where: string) => string;
}

/**
 * A candidate group ("role:kind:value", libs/domain/src/access.ts) in words. A district's officers
 * are the district's 经信部门 as a 审批单 names them (personDepartment): "Yubei District District
 * officer" said the district twice in English. Other scoped roles name their scope in brackets.
 */
export function candidateGroupText(group: string, names: GroupNames): string {
  const [role, kind, value] = group.split(':');
  if (role === 'user') return names.person(kind) ?? kind;
  // A whistle's 部门报到 waits for a division of the ledger: "department:<code>".
  if (role === 'department') return names.local(TASK_DEPARTMENT_LABELS[kind as TaskDepartment]) || kind;
  if (role === 'district_officer' && kind === 'district')
    return names.local(personDepartment('district_officer', { districts: [value] }));
  const who = names.local(names.role(role as Role)) || role;
  if (kind === 'district') return names.within(who, names.district(value));
  if (kind === 'cluster') return names.within(who, names.cluster(value));
  return who;
}
