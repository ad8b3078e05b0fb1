import type { ProjectionWriter } from './writer';

/**
 * The new-task notice outbox: one row per opened task, in the transition's transaction, so a
 * notice is never lost nor queued twice. The worker's sweeper fans it out to the people
 * (TaskNoticesRepository.sweep); a transition opening many tasks stays as cheap as the tasks.
 */
export const queueTaskNotices: ProjectionWriter = (delta) => {
  if (!delta.opened.length) return [];
  return [
    {
      sql: `INSERT INTO task_notice_outbox (task_id, queued_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
      params: [delta.opened.map((t) => t.id), delta.at],
      rows: delta.opened.map((t) => `task_notice_outbox:${t.id}`),
    },
  ];
};
