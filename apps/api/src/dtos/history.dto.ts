import { ApiProperty } from '@nestjs/swagger';

export class LabelTextDto {
  @ApiProperty({ example: '市级筛选：通过筛选' }) zh: string;
  @ApiProperty({ example: 'City screening: pass' }) en: string;
}

export class HistoryEntryDto {
  @ApiProperty({ example: '2026-07-01T08:00:00.000Z' }) at: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'coordinator',
    description:
      'username from the verified token the API put into the Update or Signal; `system` otherwise; ' +
      "null where the caller may not know who did it (an enterprise reading an officer's step)",
  })
  actor: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '李协调',
    description:
      "the actor's display name (its username when the user is gone); null when `actor` is null or `system`",
  })
  actorName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { commissioner: '企业服务专员 陈静' },
    description:
      'the display names of the other people `data` names by username — `to` (task.delegated), `users` ' +
      '(task.cc, task.countersign_requested), `onBehalfOf`, the user fields of a completed step such as ' +
      "ADMIT's `commissioner` and `districtLiaison` — each username → name (the username when the user is gone)",
  })
  names: Record<string, string>;
  @ApiProperty({
    example: 'task.completed',
    description:
      'nominated, stage.changed, task.created, task.completed, task.cancelled, task.claimed, task.unclaimed, ' +
      'task.delegated, task.completion_failed, task.reminded, task.escalated, whistle.blown, quarter.ticked, ' +
      'timer.fired, pool.seat_reserved, pool.full, ' +
      'lifecycle.continued, lifecycle.ended, lifecycle.terminated; other steps under the `action`/`kind` ' +
      'their activity reports; `update.<name>` / `signal.<name>` otherwise',
  })
  action: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'task.completed: {taskId, taskType, outcome, data, actorRole}; task.created: {taskId, taskType, candidateGroups, dueAt}; stage.changed: {from, to}; ' +
      'whistle.blown: {problemId, taskId, title, description, actorRole} (the problem it is on, a new one too, and the WHISTLE_RESPONSE it opened)',
  })
  data: Record<string, unknown>;
  @ApiProperty({ type: LabelTextDto, description: 'a readable line for the timeline' }) label: LabelTextDto;
  @ApiProperty({ nullable: true, type: Number }) lifecycleNo: number | null;
  @ApiProperty({ description: 'the Temporal run the event belongs to' }) runId: string;
  @ApiProperty({ description: 'the event id within its run' }) eventId: number;
}
