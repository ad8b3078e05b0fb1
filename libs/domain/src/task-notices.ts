import { Actor, isRole, Role } from './roles';
import { groupsOf } from './access';

/** What the sweeper knows of an opened task when it decides whom to tell. */
export interface OpenedTask {
  assignee: string | null;
  candidateGroups: readonly string[];
}

/**
 * Who is told that a task opened (issue 18 §1): its assignee, else every active person in one of
 * its candidate groups. Each appears once, however many of the groups they belong to.
 */
export function noticeRecipients(task: OpenedTask, people: readonly Actor[]): string[] {
  return recipientsAmong(people)(task);
}

/**
 * noticeRecipients for many tasks told at once (a sweep's batch): each person's groups are worked
 * out once, not once per task.
 */
export function recipientsAmong(people: readonly Actor[]): (task: OpenedTask) => string[] {
  const grouped = people.map((p) => ({ username: p.username, groups: groupsOf(p) }));
  const names = new Set(grouped.map((p) => p.username));
  return (task) => {
    if (task.assignee) return names.has(task.assignee) ? [task.assignee] : [];
    const wanted = new Set(task.candidateGroups);
    const out = new Set<string>();
    for (const p of grouped) if (p.groups.some((g) => wanted.has(g))) out.add(p.username);
    return [...out];
  };
}

/**
 * A coarse filter the database applies before noticeRecipients decides: the roles, usernames and
 * departments the groups name (their format in ./access.ts), so a fan-out reads only those users.
 */
export function candidateFilter(task: OpenedTask): {
  roles: Role[];
  usernames: string[];
  departments: string[];
} {
  if (task.assignee) return { roles: [], usernames: [task.assignee], departments: [] };
  const roles = new Set<Role>();
  const usernames: string[] = [];
  const departments: string[] = [];
  for (const g of task.candidateGroups) {
    const [head, ...rest] = g.split(':');
    if (head === 'user') usernames.push(rest.join(':'));
    else if (head === 'department') departments.push(rest.join(':'));
    else if (isRole(head)) roles.add(head);
  }
  return { roles: [...roles], usernames, departments };
}
