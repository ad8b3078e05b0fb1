import { responsibleDepartment } from '@hardtech/domain/divisions';
import type { OwnerDepartment } from '@hardtech/domain/ledger';
import type { Text } from '@hardtech/domain/text';
import { useLocalText } from '../../i18n';

/** What a problem's 责任部门 is read from: its owner, and its lead cluster's 行业处室 (API `leadDivision`). */
interface Owned {
  ownerDepartment: string;
  leadDivision?: Text | null;
}

/**
 * 责任部门 in the reader's language: the lead cluster's 行业处室 for the industry side (各行业处室牵头),
 * else the department. `department` names another than the owner (the one that answered a whistle).
 */
export function useResponsibleDepartment(): (problem: Owned, department?: string) => string {
  const local = useLocalText();
  return (p, department = p.ownerDepartment) =>
    local(responsibleDepartment(department as OwnerDepartment, p.leadDivision));
}
