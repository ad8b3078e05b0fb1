import { isCandidate } from '../access';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../calendar';
import { Actor, Role } from '../roles';
import { DomainError, Forbidden, TooSoon } from '../errors';
import { caseWorkRefusal } from '../task-permissions';
import { t } from '../text';
import { END_OF_WORKING_DAY, isWorkingDay, WorkCalendar } from '../working-days';

/** 催办: the same person urges the same task at most once per this many working hours (issue 17.3). */
export const URGE_INTERVAL_WORKING_HOURS = 4;

/** Office hours, Asia/Shanghai: the working hours an urge interval counts. */
export const START_OF_WORKING_DAY = { hour: 9, minute: 0 };

const HOUR_MS = 3_600_000;
const NO_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

const minutesOf = (at: { hour: number; minute: number }) => (at.hour * 60 + at.minute) * 60_000;

/**
 * The instant `hours` office hours (09:00–18:00 of working days, Asia/Shanghai) after `from`.
 * Time outside office hours does not count: an urge at 17:00 on a Friday may be repeated on
 * Monday at 12:00.
 */
export function addWorkingHours(from: Date, hours: number, cal: WorkCalendar | null): Date {
  const calendar = cal ?? NO_CALENDAR;
  let left = hours * HOUR_MS;
  // Shanghai wall-clock time as UTC milliseconds, so dates and hours read off directly.
  let now = from.getTime() + SHANGHAI_OFFSET_MS;
  for (;;) {
    const day = now - (now % DAY_MS);
    const opens = day + minutesOf(START_OF_WORKING_DAY);
    const closes = day + minutesOf(END_OF_WORKING_DAY);
    const date = new Date(day).toISOString().slice(0, 10);
    if (!isWorkingDay(date, calendar) || now >= closes) {
      now = day + DAY_MS; // midnight of the next day
      continue;
    }
    if (now < opens) now = opens;
    const today = closes - now;
    if (left <= today) return new Date(now + left - SHANGHAI_OFFSET_MS);
    left -= today;
    now = day + DAY_MS;
  }
}

/**
 * 领导催办: a leader acts on nothing else, but "anyone who can see the task may urge" (issue 17.3)
 * and an urge changes no decision; auditors only read, and the three administrators (三员) work no
 * cases (worksNoCases).
 */
export const URGING_READER: Role = 'leader';

export interface UrgedTask {
  assignee: string | null;
  candidateGroups: readonly string[];
  /** Earlier urges of the task: who, when. */
  urges?: readonly { by: string; at: string }[];
}

/**
 * When `by` may urge the task again: their last urge plus URGE_INTERVAL_WORKING_HOURS office
 * hours on the calendar; null when they never urged it or that time has come. Only one's own urges
 * count: another's urge does not hold anyone else back.
 */
export function nextUrgeAt(
  by: string,
  urges: UrgedTask['urges'],
  now: Date,
  cal: WorkCalendar | null,
): Date | null {
  const last = (urges ?? [])
    .filter((u) => u.by === by)
    .reduce<string | null>((latest, u) => (!latest || u.at > latest ? u.at : latest), null);
  if (!last) return null;
  const next = addWorkingHours(new Date(last), URGE_INTERVAL_WORKING_HOURS, cal);
  return now.getTime() >= next.getTime() ? null : next;
}

/**
 * 403: the actor may not urge the task at any time (a read-only role but the leader, an
 * administrator, its assignee, its candidates).
 */
function urgeForbidden(actor: Actor, task: UrgedTask): DomainError | null {
  const noCaseWork = actor.role === URGING_READER ? null : caseWorkRefusal(actor.role);
  if (noCaseWork) return noCaseWork;
  if (task.assignee === actor.username) {
    return new Forbidden('URGE_OWN_TASK', t('不能催办自己认领的任务', 'you may not urge your own task'));
  }
  if (!task.assignee && isCandidate(actor, task.candidateGroups)) {
    return new Forbidden(
      'URGE_OWN_TASK',
      t(
        '该任务由您办理，请直接认领办理，无需催办',
        'you may do this task yourself: claim it instead of urging',
      ),
    );
  }
  return null;
}

/**
 * Who may urge an open task (催办): anyone who can see it (the caller checks the scope) and acts,
 * except its assignee, once per URGE_INTERVAL_WORKING_HOURS; else 403 or 429 URGE_TOO_SOON.
 * While the task is unclaimed its candidates hold it together, so they count as its assignee: an
 * urge would go to themselves (an enterprise "urging" its own report), and claiming it is the move.
 */
export function urgeRefusal(
  actor: Actor,
  task: UrgedTask,
  now: Date,
  cal: WorkCalendar | null,
): DomainError | null {
  const forbidden = urgeForbidden(actor, task);
  if (forbidden) return forbidden;
  const next = nextUrgeAt(actor.username, task.urges, now, cal);
  if (!next) return null;
  return new TooSoon(
    'URGE_TOO_SOON',
    t(
      `您已催办过该任务，${URGE_INTERVAL_WORKING_HOURS} 个工作小时内不能重复催办`,
      `you urged this task already; once per ${URGE_INTERVAL_WORKING_HOURS} working hours`,
    ),
    (next.getTime() - now.getTime()) / 1000,
  );
}

/**
 * When the actor may urge the task again, by urgeRefusal's rule: the time its 429 waits for; null
 * when they may urge now, or may not urge it at all (403).
 */
export function urgeableAt(actor: Actor, task: UrgedTask, now: Date, cal: WorkCalendar | null): Date | null {
  return urgeForbidden(actor, task) ? null : nextUrgeAt(actor.username, task.urges, now, cal);
}
