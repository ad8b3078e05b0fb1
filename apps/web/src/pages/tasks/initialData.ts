import type { TaskDetail } from './taskTypes';

/**
 * What a form starts with: a withdrawn completion (撤回) from what was submitted; a correction from
 * the nomination as it stands, a quarterly report from its quarter (a returned one (退回) from the
 * figures sent for that quarter, to correct rather than retype), an annual update from the last
 * known figures, an admission from the nominated cluster.
 */
export function initialData(task: TaskDetail): Record<string, unknown> {
  if (task.status === 'open' && task.data && typeof task.data === 'object') {
    return task.data as Record<string, unknown>;
  }
  switch (task.type) {
    case 'SUPPLEMENT':
      return { corrections: task.enterprise?.nomination };
    case 'QUARTERLY_REPORT': {
      const sent = task.returned
        ? task.caseFile?.opinions.findLast(
            (o) => o.taskType === 'QUARTERLY_REPORT' && o.data?.quarter === task.quarter,
          )
        : undefined;
      return { ...sent?.data, quarter: task.quarter };
    }
    case 'ANNUAL_UPDATE':
      // 动态管理: last year's figures start from the last known ones.
      return { ...task.details?.annualUpdate?.prefill };
    case 'ADMIT':
      return { leadCluster: task.enterprise?.leadCluster ?? task.enterprise?.cluster };
    default:
      return {};
  }
}

const REPORT_QUARTER: ReadonlySet<string> = new Set(['quarter']);

/**
 * The fields a task fixes, shown but not edited: a quarterly report is the report of its task's
 * quarter (the server refuses another, 422 QUARTER_NOT_THE_TASKS).
 */
export function fixedFields(task: TaskDetail): ReadonlySet<string> | undefined {
  return task.type === 'QUARTERLY_REPORT' && task.quarter ? REPORT_QUARTER : undefined;
}
