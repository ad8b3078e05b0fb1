import { Injectable } from '@nestjs/common';
import { Actor, groupsOf, READ_ONLY_ROLES, Role, ROLES } from '@hardtech/domain';

/** A SQL predicate with its named parameters, for TypeORM's `where(sql, params)`. */
export interface Predicate {
  sql: string;
  params: Record<string, unknown>;
}

/** Roles that read the whole pool (docs/design.md 2.4). */
const SEES_EVERYTHING: readonly Role[] = ['system_admin', 'city_coordinator', 'auditor', 'leader'];

/** What a role's scope rule compares an enterprise with: the scope's values, as SQL. */
interface ScopeTerms {
  /** `value` is one of the scope's `key` list. */
  among(key: 'clusters' | 'districts' | 'creditCodes', value: string): string;
  username: string;
  department: string;
}

const capitalised = (key: string) => key[0].toUpperCase() + key.slice(1);

/** The caller's scope, as named parameters (`enterprises()` fills them in). */
const CALLER: ScopeTerms = {
  among: (key, value) => `${value} = ANY(:scope${capitalised(key)})`,
  username: ':scopeUsername',
  department: ':scopeDepartment',
};

/** A user row's scope (alias `u`, its `scope` jsonb), for the rule applied to many users at once. */
const userTerms = (u: string): ScopeTerms => ({
  among: (key, value) => `COALESCE(${u}.scope -> '${key}', '[]'::jsonb) ? ${value}`,
  username: `${u}.username`,
  department: `COALESCE(${u}.scope ->> 'department', '')`,
});

/** Which enterprises (alias `e`) a role's scope lets one see, over the caller's values or a user row's. */
function enterpriseRule(role: Role, s: ScopeTerms, e: string): string {
  switch (role) {
    case 'system_admin':
    case 'city_coordinator':
    case 'auditor':
    case 'leader':
      return 'TRUE';
    case 'industry_officer':
      return `(${s.among('clusters', `${e}.cluster`)} OR ${s.among('clusters', `${e}.lead_cluster`)})`;
    case 'district_officer':
      return s.among('districts', `${e}.district`);
    case 'commissioner':
      return `${e}.commissioner = ${s.username}`;
    case 'enterprise_user':
      return s.among('creditCodes', `${e}.credit_code`);
    case 'security_admin':
    case 'audit_admin':
      // 三员: the security and audit administrators keep the system, not the enterprises' files.
      return 'FALSE';
    case 'sme_officer':
    case 'finance_officer':
      // 中小企业处 / 产业金融处 see the enterprises whose current ledger has problems they own: a
      // problem of an earlier lifecycle (the enterprise nominated again) is read by itself
      // (`problems()`), and does not open the next lifecycle's file to them.
      return `EXISTS (SELECT 1 FROM problems sp WHERE sp.credit_code = ${e}.credit_code
        AND sp.lifecycle_no = ${e}.lifecycle_no AND sp.owner_department = ${s.department})`;
  }
}

/**
 * Of the roles whose scope is a place or an assignment, the rule on a row (alias `p`) of an earlier
 * lifecycle — a problem, or the lifecycle's own row, for its tasks and files: the district it was
 * served in, its nomination and lead clusters (the two an industry officer sees an enterprise by,
 * `enterpriseRule`), and its commissioner, as the row keeps them (projection/served-by.ts).
 * Null: the role's rule does not depend on who serves the enterprise.
 */
function earlierLifecycleRule(role: Role, p: string): string | null {
  if (role === 'district_officer') return CALLER.among('districts', `${p}.district`);
  if (role === 'commissioner') return `${p}.commissioner = ${CALLER.username}`;
  if (role === 'industry_officer') {
    return `(${CALLER.among('clusters', `${p}.nomination_cluster`)} OR ${CALLER.among('clusters', `${p}.cluster`)})`;
  }
  return null;
}

/**
 * The scope rule, in one place: which enterprises a caller may see. Every list, count and single
 * read joins the enterprise and applies `enterprises(actor, alias)`; outside it an object is 404.
 */
@Injectable()
export class AccessService {
  seesEverything(actor: Actor): boolean {
    return SEES_EVERYTHING.includes(actor.role);
  }

  /** Auditors and leaders read everything and change nothing (the guard refuses their writes). */
  mayWrite(actor: Actor): boolean {
    return !READ_ONLY_ROLES.includes(actor.role);
  }

  /** Enterprises (alias `e`) within the caller's scope. */
  enterprises(actor: Actor, e = 'e'): Predicate {
    const s = actor.scope ?? {};
    const sql = enterpriseRule(actor.role, CALLER, e);
    const values: Record<string, unknown> = {
      scopeClusters: s.clusters ?? [],
      scopeDistricts: s.districts ?? [],
      scopeCreditCodes: s.creditCodes ?? [],
      scopeUsername: actor.username,
      scopeDepartment: s.department ?? '',
    };
    // Only the values the role's rule names: some callers turn every parameter into a placeholder.
    return { sql, params: Object.fromEntries(Object.entries(values).filter(([k]) => sql.includes(`:${k}`))) };
  }

  /**
   * `enterprises()` for every user row (alias `u`) at once: whether each may see the enterprise
   * `e`, by the rule of the user's role over the user's scope. Pickers filter by it in one statement.
   */
  enterpriseSeenByUser(u = 'u', e = 'e'): string {
    const terms = userTerms(u);
    return `(CASE ${u}.role ${ROLES.map((r) => `WHEN '${r}' THEN ${enterpriseRule(r, terms, e)}`).join(' ')} ELSE FALSE END)`;
  }

  /**
   * Ledger problems (alias `p`, enterprise `e`), of any lifecycle: 中小企业处 and 产业金融处 see the
   * problems their department owns; a commissioner those of the lifecycles they served (the
   * problem's `commissioner`, not the enterprise's current one); a district or industry officer
   * those of the current lifecycle of the enterprises they may see, and of an earlier lifecycle by
   * the district and cluster it was served in; everyone else the problems of the enterprises they
   * may see. A problem's files follow the problem (apps/api attachments).
   */
  problems(actor: Actor, p = 'p', e = 'e'): Predicate {
    if (actor.role === 'sme_officer' || actor.role === 'finance_officer') {
      return {
        sql: `${p}.owner_department = :scopeDepartment`,
        params: { scopeDepartment: actor.scope?.department ?? '' },
      };
    }
    if (actor.role === 'commissioner') {
      return { sql: `${p}.commissioner = :scopeUsername`, params: { scopeUsername: actor.username } };
    }
    // A problem of an earlier lifecycle by the district and cluster it was served in (kept on its
    // row), as its commissioner's: the enterprise nominated again elsewhere does not hand the
    // earlier district's ledger, and its files, to the next district, nor take them from the first.
    return this.byLifecycle(actor, e, `${p}.lifecycle_no`, earlierLifecycleRule(actor.role, p));
  }

  /**
   * What belongs to one lifecycle of the enterprise `e` — its tasks, its nomination's files — given
   * the lifecycle's credit code and number (SQL): of the current lifecycle, whom `enterprises()`
   * lets see it; of an earlier one, a district or industry officer by the district and clusters
   * that served it, a commissioner by their assignment, kept on its `lifecycles` row (the rule on an
   * earlier lifecycle's problems).
   */
  ofLifecycle(actor: Actor, e: string, creditCode: string, lifecycleNo: string): Predicate {
    const earlier = earlierLifecycleRule(actor.role, 'sl');
    return this.byLifecycle(
      actor,
      e,
      lifecycleNo,
      earlier &&
        `EXISTS (SELECT 1 FROM lifecycles sl
          WHERE sl.credit_code = ${creditCode} AND sl.lifecycle_no = ${lifecycleNo} AND ${earlier})`,
    );
  }

  /** `enterprises()` for a row of the current lifecycle, `earlier` (when the role has one) otherwise. */
  private byLifecycle(actor: Actor, e: string, lifecycleNo: string, earlier: string | null): Predicate {
    const current = this.enterprises(actor, e);
    if (!earlier) return current;
    return {
      sql: `(CASE WHEN ${lifecycleNo} = ${e}.lifecycle_no THEN ${current.sql} ELSE ${earlier} END)`,
      params: current.params,
    };
  }

  /**
   * Tasks (alias `t`) the caller can act on: a candidate, or the assignee, or 委托代理 the proxy of
   * a principal whose personal task it is (held by them, or theirs by name) while the proxy runs.
   */
  actionableTasks(actor: Actor, t = 't'): Predicate {
    if (READ_ONLY_ROLES.includes(actor.role)) return { sql: 'FALSE', params: {} };
    const proxied = this.proxiedTasks(t);
    return {
      sql: `(${t}.candidate_groups && :actorGroups::text[] OR ${t}.assignee = :actorUsername OR ${proxied})`,
      params: { actorGroups: groupsOf(actor), actorUsername: actor.username },
    };
  }

  /**
   * 委托代理: the personal tasks (alias `t`) of those `:actorUsername` stands in for now. The
   * principals are read once per statement (uncorrelated subqueries, run before the scan), so the
   * arms stay index conditions (`tasks_assignee`, `tasks_open_groups`) the planner can BitmapOr,
   * rather than a lookup per task row.
   */
  proxiedTasks(t = 't'): string {
    const principals = (expression: string) => `ARRAY(SELECT ${expression} FROM task_proxies px
      WHERE px.proxy = :actorUsername AND px.starts_at <= now() AND now() < px.ends_at)`;
    return `(${t}.assignee = ANY(${principals('px.principal')})
      OR (${t}.assignee IS NULL AND ${t}.candidate_groups && ${principals(`'user:' || px.principal`)}))`;
  }

  /** 抄送: tasks (alias `t`) copied to the caller, which they read whatever their scope. */
  copiedTasks(actor: Actor, t = 't'): Predicate {
    return {
      sql: `EXISTS (SELECT 1 FROM task_copies tc WHERE tc.task_id = ${t}.id AND tc.username = :copiedTo)`,
      params: { copiedTo: actor.username },
    };
  }

  /**
   * Tasks (alias `t`, enterprise `e`) the caller may see: of a lifecycle they may see (an earlier
   * one by the district and clusters that served it, `ofLifecycle`), or their own work. An
   * enterprise sees only its own tasks, not the officers' deliberations about it (their screening,
   * the district's opinion, internal comments).
   */
  visibleTasks(actor: Actor, t = 't', e = 'e'): Predicate {
    const act = this.actionableTasks(actor, t);
    const copied = this.copiedTasks(actor, t);
    if (actor.role === 'enterprise_user') {
      return { sql: `(${act.sql} OR ${copied.sql})`, params: { ...act.params, ...copied.params } };
    }
    const lifecycle = this.ofLifecycle(actor, e, `${t}.credit_code`, `${t}.lifecycle_no`);
    const ent = this.departmentLedgerWork(actor, t, lifecycle);
    return {
      sql: `(${ent.sql} OR ${act.sql} OR ${copied.sql})`,
      params: { ...ent.params, ...act.params, ...copied.params },
    };
  }

  /**
   * 中小企业处 and 产业金融处 read the ledger items their department owns (docs/design.md 2.4,
   * `problems()`), so a task about a problem (a whistle's 部门报到, a 销号 or 延期 review: its
   * `problem_id`) follows the problem: another department's is not theirs to read by seeing the
   * enterprise, in a list, a count or its page. A 加签 carries no `problem_id` of its own and
   * follows the task it was asked on (`parent_task_id`), as the history's ledger scope has it
   * (visibility/ledger-scope.ts). Work they hold or were copied stays visible.
   */
  private departmentLedgerWork(actor: Actor, t: string, lifecycle: Predicate): Predicate {
    if (actor.role !== 'sme_officer' && actor.role !== 'finance_officer') return lifecycle;
    const own = this.problems(actor, 'tp');
    const about = `COALESCE(${t}.problem_id,
      (SELECT asked.problem_id FROM tasks asked WHERE asked.id = ${t}.parent_task_id))`;
    return {
      sql: `(${lifecycle.sql} AND (${about} IS NULL
        OR EXISTS (SELECT 1 FROM problems tp WHERE tp.id = ${about} AND ${own.sql})))`,
      params: { ...lifecycle.params, ...own.params },
    };
  }

  /**
   * `visibleTasks` on the task row alone (alias `t`): the enterprise is reached in EXISTS rather
   * than joined, since TypeORM pages a query that has a join in two statements (the ids, then the
   * rows), which every list would pay (issue 9's bench: one statement fewer per page).
   */
  visibleTaskRows(actor: Actor, t = 't'): Predicate {
    const visible = this.visibleTasks(actor, t, 've');
    return {
      sql: `EXISTS (SELECT 1 FROM enterprises ve WHERE ve.credit_code = ${t}.credit_code AND ${visible.sql})`,
      params: visible.params,
    };
  }

  /**
   * The inbox (alias `t`): what the caller can act on, and what they completed while they may
   * still see it. Acting implies seeing (`visibleTasks` includes `actionableTasks`), so the
   * enterprise's scope is checked only for the completed tasks: each arm is then an index
   * condition, and the statement reads the caller's tasks, not every open task of the pool.
   */
  inboxTasks(actor: Actor, t = 't'): Predicate {
    const act = this.actionableTasks(actor, t);
    const visible = this.visibleTaskRows(actor, t);
    return {
      sql: `(${act.sql} OR (${t}.completed_by = :inboxOf AND ${visible.sql}))`,
      params: { ...act.params, ...visible.params, inboxOf: actor.username },
    };
  }
}
