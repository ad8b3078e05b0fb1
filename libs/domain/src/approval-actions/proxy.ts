import { Actor, CASE_OFFICER_ROLES, Role, Scope } from '../roles';
import { FieldError, RuleViolation } from '../errors';
import { HeldTask, READ_ONLY_ROLES, taskRefusal } from '../task-permissions';
import { t, Text } from '../text';

/** 委托代理: while `from ≤ now < until`, `to` stands in for the principal (issue 17.6). */
export interface ProxySetting {
  principal: string;
  to: string;
  from: string;
  until: string;
}

export function proxyActive(p: { from: string | Date; until: string | Date }, now: Date): boolean {
  return new Date(p.from).getTime() <= now.getTime() && now.getTime() < new Date(p.until).getTime();
}

const covers = (mine: readonly string[] | undefined, theirs: readonly string[] | undefined) =>
  (theirs ?? []).every((x) => (mine ?? []).includes(x));

/** Whether `a`'s scope reaches every district, cluster, enterprise and the department of `b`'s. */
export function scopeCovers(a: Scope, b: Scope): boolean {
  return (
    covers(a.districts, b.districts) &&
    covers(a.clusters, b.clusters) &&
    covers(a.creditCodes, b.creditCodes) &&
    (!b.department || a.department === b.department)
  );
}

/**
 * Who may name a proxy: the case officers, who hold tasks personally (claimed, or theirs by name).
 * An enterprise's steps are done by any of its users without a claim, and the administrators and
 * read-only roles hold no tasks: a proxy would stand in for nothing. The notifications page offers
 * 委托代理 to these roles only.
 */
export function mayNameProxy(role: Role): boolean {
  return CASE_OFFICER_ROLES.includes(role);
}

/**
 * Why `to` may not stand in for `principal` at all, or null: an active user other than the
 * principal, of the same role, whose scope covers the principal's. The proxy picker offers the
 * users this lets through; `proxyRefusal` adds the period.
 */
export function proxyPersonProblem(principal: Actor, to: Actor | null): Text | null {
  if (READ_ONLY_ROLES.includes(principal.role)) {
    return t('只读角色无需委托代理', 'a read-only role has nothing to delegate');
  }
  if (!mayNameProxy(principal.role)) {
    return t('您的角色没有个人任务，无需委托代理', 'your role holds no personal task for a proxy to do');
  }
  if (!to) return t('用户不存在或已停用', 'unknown or deactivated user');
  if (to.username === principal.username) return t('不能委托给自己', 'not yourself');
  if (to.role !== principal.role) return t('代理人须与您角色相同', 'must have your role');
  if (!scopeCovers(to.scope, principal.scope)) {
    return t('代理人的管辖范围须覆盖您的范围', 'their scope must cover yours');
  }
  return null;
}

/**
 * Why `to` may not stand in for `principal` from `from` until `until` (422 with the fields), or
 * null: `proxyPersonProblem`, over a period that ends after it begins and has not ended.
 */
export function proxyRefusal(
  principal: Actor,
  to: Actor | null,
  period: { from: Date; until: Date },
  now: Date,
): RuleViolation | null {
  const errors: FieldError[] = [];
  const person = proxyPersonProblem(principal, to);
  if (person) errors.push({ field: 'to', text: person });
  if (period.until.getTime() <= period.from.getTime()) {
    errors.push({ field: 'until', text: t('结束时间须晚于开始时间', 'must be after from') });
  } else if (period.until.getTime() <= now.getTime()) {
    errors.push({ field: 'until', text: t('结束时间已过', 'is in the past') });
  }
  if (!errors.length) return null;
  return new RuleViolation('PROXY_NOT_ALLOWED', t('无法设置该委托代理', 'this proxy is not allowed'), errors);
}

/** Whose task it is personally: held by the principal, or theirs by name (an assigned commissioner). */
export function isPersonalTaskOf(
  principal: string,
  task: { assignee: string | null; candidateGroups: readonly string[] },
): boolean {
  return (
    task.assignee === principal || (!task.assignee && task.candidateGroups.includes(`user:${principal}`))
  );
}

/**
 * Whom of `standingInFor` (those whose running proxy the actor is) the actor would act for on the
 * task: nobody when the actor may do it themselves, else the first whose personal task it is. The
 * API's ProxyService.principalFor, for a page that knows only the principals' usernames (the inbox's
 * bulk bar, which offers the principal's 转办 and no 催办 of their task, as the API does).
 */
export function principalOnTask(
  actor: Actor,
  task: HeldTask,
  standingInFor: readonly string[],
): string | undefined {
  if (!standingInFor.length || !taskRefusal(actor, task, 'complete')) return undefined;
  return standingInFor.find((principal) => isPersonalTaskOf(principal, task));
}

/**
 * 委托代理 runs the principal's whole desk: on their personal tasks the proxy completes, sends back
 * (退回), asks a countersignature (加签), copies (抄送) and hands on (转办) as the principal may. Each
 * action's rule is then checked for the principal (whose task it is), not the proxy, who is
 * recorded as the one who acted on their behalf.
 */
export function actingFor(actor: Actor, onBehalfOf: Actor | null | undefined): Actor {
  return onBehalfOf ?? actor;
}

/** How history and case files name a step done by a proxy: 王五（代 张三）. */
export function onBehalfLabel(actorName: string, principalName: string | null | undefined): Text {
  if (!principalName) return t(actorName, actorName);
  return t(`${actorName}（代 ${principalName}）`, `${actorName} (for ${principalName})`);
}
