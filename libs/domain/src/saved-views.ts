import { FieldError, RuleViolation } from './errors';
import { validateFields } from './forms/validate';
import { OWNER_DEPARTMENTS } from './ledger';
import { findDistrict } from './reference';
import { Actor, ADMIN_ROLES, isRole, Role, ROLES } from './roles';
import { VIEW_FILTER_FIELDS, VIEW_LIST_LABELS, VIEW_LISTS, ViewList } from './saved-view-filters';
import { t, Text } from './text';

/**
 * Who saves views: the officers, who sort many tasks, problems and enterprises. An enterprise's lists
 * are its own few steps and problems, with nothing to filter or share with officers (403).
 */
export const VIEW_SAVERS: readonly Role[] = ROLES.filter((role) => role !== 'enterprise_user');

/**
 * Whom a view is shared with by role: the savers who work cases. Not the three administrators of
 * 三员分立 (系统管理员, 安全管理员, 安全审计员), who keep users, security and the audit log and have no
 * list of cases to filter; the share picker offers these (GET /api/views/share-roles).
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

/** Who else sees a saved view: people in a role, in a district, or of a department. */
export interface ViewAudience {
  roles: Role[];
  districts: string[];
  departments: string[];
}

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

/** A view's `list`: absent, an inbox view (the contract before views of other lists). */
export function viewListProblems(list: unknown): FieldError[] {
  return list === undefined || VIEW_LISTS.includes(list as ViewList)
    ? []
    : [
        {
          field: 'list',
          text: t(`取值应为 ${VIEW_LISTS.join(' / ')}`, `must be one of ${VIEW_LISTS.join(', ')}`),
        },
      ];
}

/** A view stays in its list, whose filters it holds: changed, not moved (422 `VIEW_LIST_FIXED`). */
export function viewListChangeRefusal(saved: ViewList, list: ViewList): RuleViolation | null {
  if (list === saved) return null;
  const { zh, en } = VIEW_LIST_LABELS[saved];
  const text = t(
    `此视图属于${zh}，不能改为其他列表的视图`,
    `the view belongs to the ${en}: it is not moved to another list`,
  );
  return new RuleViolation('VIEW_LIST_FIXED', text, [{ field: 'list', text }]);
}

/**
 * A view's filter, checked as its list checks its query: unknown fields and values, and a cluster
 * or district the taxonomy or the reference does not have. `clusters`: the taxonomy's codes (the
 * built-in ones when absent).
 */
export function viewFilterProblems(
  list: ViewList,
  filter: unknown,
  clusters?: ReadonlySet<string>,
): FieldError[] {
  return validateFields(VIEW_FILTER_FIELDS[list], filter, { clusters }, 'filter');
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
