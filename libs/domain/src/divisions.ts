import { RuleViolation } from './errors';
import { OWNER_DEPARTMENTS, OwnerDepartment } from './ledger';
import { t, Text } from './text';

/**
 * 三(一) 各行业处室牵头, by cluster (二(一) 分行业、分领域): each cluster of the taxonomy names the
 * industry division (行业处室) that leads its enterprises. The system administrator sets the name;
 * until then the division is named by its cluster.
 */
export interface ClusterDivisionSource {
  code: string;
  name: string;
  en: string;
  divisionName?: string | null;
  divisionEn?: string | null;
}

export const DIVISION_NAME_MAX = 100;
export const DIVISION_EN_MAX = 200;

/**
 * The 行业处室 leading a cluster: the name the taxonomy gives it, or 行业处室（cluster） while none is
 * set, each language on its own (an English name unset reads Industry division (cluster)); an
 * unknown cluster by its code.
 */
export function clusterDivision(cluster: ClusterDivisionSource | undefined, code: string): Text {
  if (!cluster) return t(`行业处室（${code}）`, `Industry division (${code})`);
  const zh = cluster.divisionName?.trim() || `行业处室（${cluster.name}）`;
  const en = cluster.divisionEn?.trim() || `Industry division (${cluster.en})`;
  return t(zh, en);
}

/**
 * 责任部门 as a problem shows it: the industry side is the division of the problem's lead cluster
 * (`division`), every other owner its department.
 */
export function responsibleDepartment(owner: OwnerDepartment, division: Text | null | undefined): Text {
  if (owner === 'industry' && division) return division;
  const o = OWNER_DEPARTMENTS.find((d) => d.value === owner);
  return o ? o.label : t(owner, owner);
}

/**
 * A division's name as the administrator sets it: blanks trimmed to nothing (unset), and no English
 * name without the Chinese one, which the zh-CN UI and the printouts read (422).
 */
export function divisionNames(name: string | null | undefined, en: string | null | undefined) {
  const zh = name?.trim() || null;
  const english = en?.trim() || null;
  if (english && !zh) {
    throw new RuleViolation(
      'DIVISION_NAME_REQUIRED',
      t('请先填写行业处室的中文名称', 'name the division in Chinese before giving its English name'),
      [{ field: 'name', text: t('必填', 'is required') }],
    );
  }
  return { name: zh, en: english };
}
