import { CLUSTER_FILTER_FIELD } from './cluster-filter';
import { FieldError, RuleViolation } from './errors';
import { TASK_DEPARTMENT_LABELS } from './departments';
import { Field } from './forms/schema';
import { validateFields } from './forms/validate';
import { OWNER_DEPARTMENTS } from './ledger';
import { findDistrict } from './reference';
import { Actor, ADMIN_ROLES, isRole, Role, ROLES } from './roles';
import { TASK_TYPES } from './task-types';
import { t, Text } from './text';

/**
 * Who saves inbox views: the officers, who sort many tasks of many enterprises. An enterprise's list
 * is its own few steps, with nothing to filter or share with officers (403).
 */
export const VIEW_SAVERS: readonly Role[] = ROLES.filter((role) => role !== 'enterprise_user');

/**
 * Whom a view is shared with by role: the savers who work cases. Not the three administrators of
 * 三员分立 (系统管理员, 安全管理员, 安全审计员), who keep users, security and the audit log and have no
 * inbox of cases to filter; the share picker offers these (GET /api/views/share-roles).
 */
export const VIEW_AUDIENCE_ROLES: readonly Role[] = VIEW_SAVERS.filter((role) => !ADMIN_ROLES.includes(role));

/**
 * A view is shared with case workers only: an enterprise has no view to pick it from, and the
 * filters name officers' work (422 `VIEW_NOT_FOR_ENTERPRISES`); an administrator works no cases
 * (422 `VIEW_NOT_FOR_ADMINISTRATORS`). Each names the roles refused.
 */
export function viewAudienceRefusal(audience: { roles: readonly Role[] }): RuleViolation | null {
  const refused = (outside: readonly Role[]) =>
    audience.roles.flatMap((role, i) => (outside.includes(role) ? [i] : []));
  const enterprises = refused(['enterprise_user']);
  if (enterprises.length)
    return violation(
      'VIEW_NOT_FOR_ENTERPRISES',
      enterprises,
      t(
        '企业用户不使用视图，不能共享给企业',
        'enterprise users have no views: a view is not shared with them',
      ),
    );
  const administrators = refused(ADMIN_ROLES);
  if (administrators.length)
    return violation(
      'VIEW_NOT_FOR_ADMINISTRATORS',
      administrators,
      t(
        '系统管理员、安全管理员、安全审计员不办理业务，不能共享给他们',
        'administrators work no cases: a view is not shared with them',
      ),
    );
  return null;
}

function violation(code: string, refused: number[], text: Text): RuleViolation {
  return new RuleViolation(
    code,
    text,
    refused.map((i) => ({ field: `sharedWith.roles[${i}]`, text })),
  );
}

/** Who else sees a saved inbox view: people in a role, in a district, or of a department. */
export interface ViewAudience {
  roles: Role[];
  districts: string[];
  departments: string[];
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: t(v, v) }));

/** The inbox filters a view may hold: those of GET /api/tasks. */
export const VIEW_FILTER_FIELDS: Field[] = [
  { name: 'view', kind: 'enum', options: options(['inbox', 'mine', 'all', 'cc']), label: t('范围', 'Scope') },
  { name: 'type', kind: 'enum', options: options(TASK_TYPES), label: t('任务类型', 'Task type') },
  {
    name: 'status',
    kind: 'enum',
    options: options(['open', 'done', 'cancelled']),
    label: t('状态', 'Status'),
  },
  { name: 'district', kind: 'ref', ref: 'district', label: t('区县', 'District') },
  CLUSTER_FILTER_FIELD,
  {
    name: 'department',
    kind: 'enum',
    options: Object.entries(TASK_DEPARTMENT_LABELS).map(([value, label]) => ({ value, label })),
    label: t('待办部门', 'Waiting on'),
  },
  { name: 'candidateGroup', kind: 'text', maxLength: 120, label: t('候选组', 'Candidate group') },
  { name: 'overdue', kind: 'boolean', label: t('仅逾期', 'Overdue only') },
  // Relative, so a saved view keeps meaning the same thing: the UI turns it into dueBefore.
  { name: 'dueWithinDays', kind: 'integer', min: 1, max: 365, label: t('几天内到期', 'Due within days') },
  {
    name: 'sort',
    kind: 'enum',
    options: options(['dueAt', '-dueAt', 'createdAt', '-createdAt']),
    label: t('排序', 'Sort'),
  },
  { name: 'pageSize', kind: 'integer', min: 1, max: 100, label: t('每页条数', 'Page size') },
];

export function audienceProblems(a: unknown): FieldError[] {
  if (typeof a !== 'object' || a === null || Array.isArray(a))
    return [{ field: 'sharedWith', text: t('应为对象', 'must be an object') }];
  const errors: FieldError[] = [];
  const list = (
    key: keyof ViewAudience,
    ok: (v: string) => boolean,
    text = t('取值无效', 'not a valid value'),
  ) => {
    const value = (a as Record<string, unknown>)[key];
    if (value === undefined) return;
    if (!Array.isArray(value) || value.length > 50 || value.some((v) => typeof v !== 'string')) {
      errors.push({ field: `sharedWith.${key}`, text: t('应为文本列表', 'must be a list of strings') });
      return;
    }
    value.forEach((v, i) => ok(v) || errors.push({ field: `sharedWith.${key}[${i}]`, text }));
  };
  list('roles', isRole);
  list('districts', (d) => !!findDistrict(d));
  list('departments', (d) => OWNER_DEPARTMENTS.some((o) => o.value === d));
  for (const key of Object.keys(a)) {
    if (!['roles', 'districts', 'departments'].includes(key))
      errors.push({ field: `sharedWith.${key}`, text: t('未知字段', 'unknown field') });
  }
  return errors;
}

/** `clusters`: the taxonomy's codes (the built-in ones when absent). */
export function viewFilterProblems(filter: unknown, clusters?: ReadonlySet<string>): FieldError[] {
  return validateFields(VIEW_FILTER_FIELDS, filter, { clusters }, 'filter');
}

/**
 * The owner sees their view; others when the audience names their role, a district or department of
 * theirs. Savers only: an enterprise user sees none, also of a district or an audience stored before
 * sharing with enterprises was refused.
 */
export function viewVisibleTo(view: { owner: string; sharedWith: ViewAudience }, actor: Actor): boolean {
  const s = actor.scope ?? {};
  if (!VIEW_SAVERS.includes(actor.role)) return false;
  return (
    view.owner === actor.username ||
    view.sharedWith.roles.includes(actor.role) ||
    view.sharedWith.districts.some((d) => (s.districts ?? []).includes(d)) ||
    (!!s.department && view.sharedWith.departments.includes(s.department))
  );
}
