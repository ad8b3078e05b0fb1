import { Actor, CASE_OFFICER_ROLES, Role } from '../roles';
import { Conflict, DomainError, Forbidden, RuleViolation } from '../errors';
import { taskRefusal, HeldTask } from '../task-permissions';
import { t } from '../text';
import { actingFor } from './proxy';
import { stepActions } from './allowed';

/** 抄送: at most this many people per copy. */
export const MAX_CC_USERS = 20;

/**
 * Whom the 抄送 picker offers (among those who may see the enterprise): the officers and the city
 * leaders (抄送领导). Not an enterprise's users, whose task list is their own work; not auditors or
 * the administrators, who read or keep the system rather than take part in a case.
 */
export const COPY_RECIPIENT_ROLES: readonly Role[] = [...CASE_OFFICER_ROLES, 'leader'];

/**
 * Who may copy an open task to others (抄送): an officer who may do it (its assignee, or unclaimed a
 * candidate), as the one who decides and wants others informed; or their proxy (委托代理) for them. An enterprise's users do their own
 * tasks but copy nothing: 抄送 informs officials, and the picker of officials is not theirs to read.
 */
export function ccRefusal(actor: Actor, task: HeldTask, onBehalfOf?: Actor | null): DomainError | null {
  if (actor.role === 'enterprise_user') {
    return new Forbidden(
      'CC_BY_OFFICERS',
      t('抄送由经办部门发起，企业用户不能抄送', 'only officers copy a task'),
    );
  }
  if (task.type && !stepActions(task.type).cc) {
    return new Forbidden(
      'STEP_NOT_COPIED',
      t(
        '会签意见由被邀请人本人出具，不能抄送',
        'a countersignature is answered by the one asked, not copied',
      ),
    );
  }
  return taskRefusal(actingFor(actor, onBehalfOf), task, 'complete');
}

/**
 * The named users who may not see the enterprise: 422 naming them (issue 17.5; also 加签), by name
 * with the login where `names` knows them (李明（industry-t9）), by login alone where not (one
 * that does not exist).
 */
export function notReadersRefusal(
  field: string,
  usernames: readonly string[],
  names: ReadonlyMap<string, string> = new Map(),
): RuleViolation | null {
  if (!usernames.length) return null;
  const { zh, en } = namer(names);
  return new RuleViolation(
    'USERS_MAY_NOT_SEE',
    t(
      `以下用户无权查看该企业：${usernames.map(zh).join('、')}`,
      `these users may not see the enterprise: ${usernames.map(en).join(', ')}`,
    ),
    usernames.map((u) => ({
      field,
      text: t(`${zh(u)} 无权查看该企业`, `${en(u)} may not see the enterprise`),
    })),
  );
}

/**
 * 抄送 again to someone the task was already copied to: 409 naming them, and nothing is copied or
 * sent, also to the others named (as 加签 of someone still asked). They have the task under 抄送给我
 * and were told once; a second notice would tell them nothing new, and a note written for it would
 * reach nobody unseen: the officer learns it, and urges (催办) or comments instead.
 */
export function copiedAgainRefusal(
  copiedTo: readonly string[] | null | undefined,
  usernames: readonly string[],
  names: ReadonlyMap<string, string> = new Map(),
): Conflict | null {
  const again = [...new Set(usernames)].filter((u) => copiedTo?.includes(u));
  if (!again.length) return null;
  const { zh, en } = namer(names);
  return new Conflict(
    'COPY_ALREADY_SENT',
    t(
      `已抄送过以下人员，未再次抄送：${again.map(zh).join('、')}`,
      `already copied to: ${again.map(en).join(', ')}; nothing was sent again`,
    ),
  );
}

/** People as the picker names them: 李明（industry-t9） where the name is known, else the login. */
function namer(names: ReadonlyMap<string, string>) {
  return {
    zh: (u: string) => (names.get(u) ? `${names.get(u)}（${u}）` : u),
    en: (u: string) => (names.get(u) ? `${names.get(u)} (${u})` : u),
  };
}
