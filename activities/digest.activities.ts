import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { digestText, groupsOf, isWorkingDay, TASK_LABELS, TaskType } from '@hardtech/domain';
import {
  CalendarRepository,
  channelsOf,
  NotificationsRepository,
  PreferencesRepository,
} from '@hardtech/persistence';
import type { DigestActivities, DigestResult } from '@hardtech/temporal';

/** A task due within this window counts as due soon. */
const DUE_SOON_MS = 48 * 3_600_000;
const MAX_TASKS = 20;

@Injectable()
export class DigestActivitiesService implements DigestActivities {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
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
      const rows: { type: TaskType; enterprise_name: string; due_at: Date }[] = await this.ds.query(
        `SELECT type, enterprise_name, due_at FROM tasks
         WHERE status = 'open' AND (candidate_groups && $1::text[] OR assignee = $2) AND due_at < $3
         ORDER BY due_at LIMIT $4`,
        [groupsOf(actor), actor.username, new Date(Date.now() + DUE_SOON_MS), MAX_TASKS],
      );
      if (!rows.length) continue;
      const tasks = rows.map((r) => ({
        label: TASK_LABELS[r.type],
        enterpriseName: r.enterprise_name,
        dueAt: r.due_at.toISOString(),
        overdue: r.due_at.getTime() < Date.now(),
      }));
      await this.notifications.record(
        {
          id: `digest:${date}:${actor.username}`,
          kind: 'digest',
          audienceGroups: [`user:${actor.username}`],
          at,
          data: { text: digestText(date, tasks), tasks },
        },
        channelsOf(actor.username, prefs),
      );
      sent++;
    }
    return { date, workingDay: true, sent };
  }
}
