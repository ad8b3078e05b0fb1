import { Role } from '../roles';
import { TaskType } from '../task-types';
import { readerOf } from './readers';
import { ENTERPRISE_TASK_TYPES, FieldClass, READABLE_CLASSES } from './step-fields';

/**
 * What the files attached to a task and the comments on it are, by the task's type: on an
 * officer's step they are part of its deliberation (the evidence a screening weighed, the district's
 * working papers); on the enterprise's own steps they are its submission and the conversation with
 * it; on a whistle's response they are the department's reply.
 */
export const TASK_MATERIAL_CLASSES: Record<TaskType, FieldClass> = {
  SCREEN: 'deliberation',
  SUPPLEMENT: 'submission',
  DISTRICT_FEEDBACK: 'deliberation',
  ENTERPRISE_CONFIRM: 'submission',
  ADMIT: 'deliberation',
  DIAGNOSE: 'deliberation',
  QUARTERLY_REPORT: 'submission',
  QUARTERLY_REVIEW: 'deliberation',
  GRADUATION_REVIEW: 'deliberation',
  WHISTLE_RESPONSE: 'reply',
  PROBLEM_CLOSE: 'deliberation',
  PROBLEM_EXTENSION: 'deliberation',
  ANNUAL_UPDATE: 'submission',
  COUNTERSIGN: 'deliberation',
};

/** Whether the reader may read a task's attachments and comments (a task type not named: no). */
export function taskMaterialVisible(role: Role, taskType: TaskType | string): boolean {
  const reader = readerOf(role);
  if (reader === 'officer') return true;
  if (reader === 'enterprise' && ENTERPRISE_TASK_TYPES.includes(taskType as TaskType)) return true;
  const cls = TASK_MATERIAL_CLASSES[taskType as TaskType] as FieldClass | undefined;
  return cls !== undefined && READABLE_CLASSES[reader].has(cls);
}

/**
 * Whether the reader may read one comment, by who wrote it: an enterprise reads its own side of
 * the conversation only, never an officer's comment (a judgment in the making), also on its own
 * steps; the SME and finance divisions read the enterprise's and their own division's, not another
 * department's; officers read every comment on the tasks they may see.
 */
export function commentVisible(readerRole: Role, authorRole: Role | null): boolean {
  const reader = readerOf(readerRole);
  if (reader === 'officer') return true;
  if (authorRole === null) return false;
  if (readerOf(authorRole) === 'enterprise') return true;
  return reader === 'department' && authorRole === readerRole;
}
