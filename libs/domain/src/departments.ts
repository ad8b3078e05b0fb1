import type { CandidateFacts } from './access';
import type { OwnerDepartment } from './ledger';
import type { TaskType } from './task-types';
import { findDistrict } from './reference';
import { DEPARTMENTS, Role, ROLE_LABELS, Scope } from './roles';
import { t, Text } from './text';

/** Who answers for a task, as the overdue statistics group them. */
export type TaskDepartment = OwnerDepartment | 'enterprise' | 'commissioner';

export const TASK_DEPARTMENT_LABELS: Record<TaskDepartment, Text> = {
  tech: t('科技处', 'Science & technology division'),
  industry: t('行业处室', 'Industry division'),
  sme: t('中小企业处', 'SME division'),
  finance: t('产业金融处', 'Industrial finance division'),
  district: t('区县经信部门', 'District department'),
  enterprise: t('企业', 'Enterprise'),
  commissioner: t('企业服务专员', 'Service commissioner'),
};

/** A task department's name; a key this code does not know reads as itself, never as another's. */
export function taskDepartmentLabel(department: string): Text {
  return Object.hasOwn(TASK_DEPARTMENT_LABELS, department)
    ? TASK_DEPARTMENT_LABELS[department as TaskDepartment]
    : t(department, department);
}

/**
 * The department a task waits on, read off its candidate groups: written with every task the
 * projection opens (tasks.department, NOT NULL since 1765980000000, which filled older rows by
 * this rule), so the overdue summary and the dashboard count the same column.
 */
export function taskDepartment(type: TaskType, candidateGroups: readonly string[]): TaskDepartment {
  const g = candidateGroups[0] ?? '';
  if (g.startsWith('department:')) return g.slice('department:'.length) as TaskDepartment;
  if (g.startsWith('district_officer')) return 'district';
  if (g.startsWith('industry_officer')) return 'industry';
  if (g.startsWith('enterprise_user')) return 'enterprise';
  if (g.startsWith('user:')) return type === 'DIAGNOSE' ? 'commissioner' : 'tech';
  return 'tech';
}

/**
 * 企业吹哨·部门报到: the department that owns the problem reports (responds). A whistle on a new
 * problem goes to the lead cluster's industry division.
 */
export function whistleCandidates(owner: OwnerDepartment | null, facts: CandidateFacts): string[] {
  switch (owner) {
    case 'tech':
      return ['city_coordinator'];
    case 'sme':
    case 'finance':
      return [`department:${owner}`];
    case 'district':
      return [`district_officer:district:${facts.district}`];
    case 'industry':
    case null:
      return facts.leadCluster ? [`industry_officer:cluster:${facts.leadCluster}`] : ['city_coordinator'];
  }
}

/**
 * The department a person answers for, as a 审批单 names it beside their name: the owner
 * department of their scope, their district's 经信部门, or their role.
 */
export function personDepartment(role: Role, scope: Scope): Text {
  const department = scope.department as keyof typeof DEPARTMENTS | undefined;
  if (department && DEPARTMENTS[department]) return DEPARTMENTS[department];
  const district = scope.districts?.length === 1 ? findDistrict(scope.districts[0]) : undefined;
  if (role === 'district_officer' && district) {
    return t(`${district.name}经信部门`, `${district.en} department of economy and IT`);
  }
  return ROLE_LABELS[role];
}

/**
 * The owner department whose ledger problems a person works day to day, beside or instead of their
 * inbox: 中小企业处 / 产业金融处 by their scope, the 行业处室 of an industry officer and the
 * 区县产业主管部门 of a district officer (a problem of their cluster's or district's enterprises
 * owned by `industry` / `district`, as whistleCandidates routes it). Null for everyone else, whose
 * inbox is their desk. An empty inbox names this ledger (the walk's industry and district officers
 * read only 暂无数据).
 */
export function ledgerDepartmentOf(role: Role, scope: Scope): OwnerDepartment | null {
  if (scope.department === 'sme' || scope.department === 'finance') return scope.department;
  if (role === 'industry_officer') return 'industry';
  return role === 'district_officer' ? 'district' : null;
}
