import {
  HISTORY_LABELS,
  HistoryEntry,
  isSystemActor,
  isTaskType,
  NamedHistoryEntry,
  TASK_FORMS,
} from '@hardtech/domain';

const isPerson = (u: string | null): u is string => !!u && !isSystemActor(u);
/** Entries whose `to` is a person (转办; a stage change's `to` is a stage), and whose `users` are people. */
const HANDED_ON = new Set(['task.delegated', 'task.delegation_failed']);
const TO_USERS = new Set([
  'task.cc',
  'task.cc_failed',
  'task.countersign_requested',
  'task.countersign_failed',
]);
const usernames = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((u): u is string => typeof u === 'string' && u !== '');

/**
 * The people an entry names by username besides its actor: whom a task was handed to (`to`),
 * copied to or asked to countersign (`users`), for whom a proxy acted (`onBehalfOf`), and the user
 * fields of a completed step's form (ADMIT's `commissioner` and `districtLiaison`). Read from the
 * entry as the reader may see it, so a name says no more than the username beside it.
 */
export function peopleNamedIn(entry: HistoryEntry): string[] {
  const d = entry.data;
  const people = [
    ...(HANDED_ON.has(entry.action) ? usernames(d.to) : []),
    ...(TO_USERS.has(entry.action) ? usernames(d.users) : []),
    ...usernames(d.onBehalfOf),
  ];
  const step = d.data as Record<string, unknown> | undefined;
  if (isTaskType(d.taskType) && typeof d.outcome === 'string' && step && typeof step === 'object') {
    const fields = TASK_FORMS[d.taskType]?.outcomes?.[d.outcome]?.fields ?? [];
    for (const f of fields) if (f.kind === 'ref' && f.ref === 'user') people.push(...usernames(step[f.name]));
  }
  return [...new Set(people)];
}

/** Everyone the entries name, their actors too: what one query of display names looks up. */
export function peopleOfHistory(entries: HistoryEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => [...(isPerson(e.actor) ? [e.actor] : []), ...peopleNamedIn(e)]))];
}

/**
 * 抄送's label names whom the task went to by name (the workflow recorded their usernames). Before
 * the visibility rule, which may keep `users` from a reader who still reads the label.
 */
export function withCopiesNamed(entry: HistoryEntry, names: Map<string, string>): HistoryEntry {
  const users = entry.data.users;
  if (!['task.cc', 'task.cc_failed'].includes(entry.action) || !Array.isArray(users)) return entry;
  const type = isTaskType(entry.data.taskType) ? entry.data.taskType : null;
  const label = HISTORY_LABELS.copied(
    type,
    usernames(users).map((u) => names.get(u) ?? u),
  );
  return { ...entry, label: entry.action === 'task.cc' ? label : HISTORY_LABELS.refused(label) };
}

/**
 * An entry as GET /api/enterprises/:creditCode/history answers it: the actor's name, and `names`
 * of the people it names (each username → display name, the username when the user is gone).
 */
export function namedHistoryEntry(entry: HistoryEntry, names: Map<string, string>): NamedHistoryEntry {
  const nameOf = (u: string) => names.get(u) ?? u;
  return {
    ...entry,
    actorName: isPerson(entry.actor) ? nameOf(entry.actor) : null,
    names: Object.fromEntries(peopleNamedIn(entry).map((u) => [u, nameOf(u)])),
  };
}
