import { OWNER_DEPARTMENTS } from './ledger';
import { Text, t } from './text';

/**
 * Who answers for a task in the leaders' overdue figures (三(一): 科技处统筹、行业处室牵头、中小企业处、
 * 产业金融处和区县产业主管部门): the owner departments of the ledger, plus the enterprise itself and
 * the service commissioner, who are not departments but do have tasks that fall due.
 */
export type ResponsibleParty =
  'tech' | 'industry' | 'sme' | 'finance' | 'district' | 'commissioner' | 'enterprise';

export const RESPONSIBLE_PARTY_LABELS: Record<ResponsibleParty, Text> = {
  ...(Object.fromEntries(OWNER_DEPARTMENTS.map((d) => [d.value, d.label])) as Record<
    'tech' | 'industry' | 'sme' | 'finance' | 'district',
    Text
  >),
  commissioner: t('企业服务专员', 'Service commissioner'),
  enterprise: t('企业', 'Enterprise'),
};

const BY_ROLE: Record<string, ResponsibleParty> = {
  city_coordinator: 'tech',
  industry_officer: 'industry',
  sme_officer: 'sme',
  finance_officer: 'finance',
  district_officer: 'district',
  commissioner: 'commissioner',
  enterprise_user: 'enterprise',
};

/**
 * The party a task's candidate groups name (libs/domain/src/access.ts): `<role>[:…]` by its role,
 * `department:<code>` by the department, `user:<username>` (an assigned commissioner or liaison)
 * as the commissioner. The first group decides; tasks list one party's groups.
 */
export function responsiblePartyOf(candidateGroups: readonly string[]): ResponsibleParty | null {
  for (const group of candidateGroups) {
    const [head, rest] = [group.split(':')[0], group.slice(group.indexOf(':') + 1)];
    if (head === 'department' && rest in RESPONSIBLE_PARTY_LABELS) return rest as ResponsibleParty;
    if (head === 'user') return 'commissioner';
    if (BY_ROLE[head]) return BY_ROLE[head];
  }
  return null;
}
