import { isValidCreditCode } from './credit-code';
import { FieldError } from './errors';
import { OWNER_DEPARTMENTS } from './ledger';
import { findDistrict } from './reference';
import { Role, Scope } from './roles';
import { t } from './text';

/** What scope each role needs to be useful (docs/design.md 2.4), and that every code in it exists. */
export function scopeProblems(role: Role, scope: Scope, clusterCodes: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof Scope, ok: boolean) => {
    if (!ok) errors.push({ field: `scope.${field}`, text: t('该角色必须指定', 'is required for this role') });
  };
  if (role === 'district_officer') need('districts', !!scope.districts?.length);
  if (role === 'industry_officer') need('clusters', !!scope.clusters?.length);
  if (role === 'enterprise_user') need('creditCodes', !!scope.creditCodes?.length);
  if (role === 'sme_officer' || role === 'finance_officer') need('department', !!scope.department);

  (scope.districts ?? []).forEach((d, i) => {
    if (!findDistrict(d))
      errors.push({ field: `scope.districts[${i}]`, text: t('未知的区县代码', 'unknown district code') });
  });
  (scope.clusters ?? []).forEach((c, i) => {
    if (!clusterCodes.has(c))
      errors.push({ field: `scope.clusters[${i}]`, text: t('未知的产业集群代码', 'unknown cluster code') });
  });
  (scope.creditCodes ?? []).forEach((c, i) => {
    if (!isValidCreditCode(c))
      errors.push({
        field: `scope.creditCodes[${i}]`,
        text: t('统一社会信用代码无效', 'invalid credit code'),
      });
  });
  if (scope.department && !OWNER_DEPARTMENTS.some((d) => d.value === scope.department)) {
    errors.push({ field: 'scope.department', text: t('未知的部门', 'unknown department') });
  }
  return errors;
}
