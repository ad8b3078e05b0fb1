import { Injectable } from '@nestjs/common';
import { digestText, isWorkingDay, TASK_LABELS } from '@hardtech/domain';
import {
  CalendarRepository,
  channelsOf,
  NotificationsRepository,
  PreferencesRepository,
  TasksRepository,
} from '@hardtech/persistence';
import type { DigestActivities, DigestResult } from '@hardtech/temporal';

/** A task due within this window counts as due soon. */
const DUE_SOON_MS = 48 * 3_600_000;
const MAX_TASKS = 20;

@Injectable()
export class DigestActivitiesService implements DigestActivities {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly calendar: CalendarRepository,
    private readonly preferences: PreferencesRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** One digest per person and day (its id makes a retried or repeated run send nothing twice). */
  async sendDigests({ date }: { date: string }): Promise<DigestResult> {
    if (!isWorkingDay(date, await this.calendar.calendar(date, date)))
      return { date, workingDay: false, sent: 0 };
    const at = new Date().toISOString();
    let sent = 0;
    for (const { actor, prefs } of await this.preferences.people()) {
      if (!prefs.digest) continue;
      const due = await this.tasks.dueFor(actor, new Date(Date.now() + DUE_SOON_MS), MAX_TASKS);
      if (!due.length) continue;
      const tasks = due.map((r) => ({
        label: TASK_LABELS[r.type],
        enterpriseName: r.enterpriseName,
        dueAt: r.dueAt.toISOString(),
        overdue: r.dueAt.getTime() < Date.now(),
      }));
      await this.notifications.record(
        {
          id: `digest:${date}:${actor.username}`,
          kind: 'digest',
          audienceGroups: [`user:${actor.username}`],
          at,
          data: { text: digestText(date, tasks), tasks },
        },
        channelsOf(actor, prefs),
      );
      sent++;
    }
    return { date, workingDay: true, sent };
  }
}
