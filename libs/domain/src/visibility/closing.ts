import { Role } from '../roles';
import { Stage } from '../stages';
import { TASK_TYPES, TaskType } from '../task-types';
import { readerOf } from './readers';
import { FieldClass, READABLE_CLASSES, STEP_FIELD_CLASSES } from './step-fields';

/**
 * The field the statechart's `close` action takes a lifecycle's end reason from, in its order
 * (workflows/lifecycle/machine.ts): a decision's reason, else a district's opinion, else a note.
 */
const CLOSING_FIELDS = ['reason', 'opinion', 'note'] as const;

/** Tasks of the ledger, beside the path: their outcomes (a problem's `reject`) never end a lifecycle. */
const LEDGER_TASK_TYPES: readonly TaskType[] = ['WHISTLE_RESPONSE', 'PROBLEM_CLOSE', 'PROBLEM_EXTENSION'];

/**
 * The class of the reason recorded when a lifecycle ends with this outcome: the class the forms
 * give the field it came from, when every task type with that outcome agrees; else a deliberation.
 */
export function closingReasonClass(outcome: string): FieldClass {
  const classes = new Set<FieldClass>();
  for (const type of TASK_TYPES) {
    if (LEDGER_TASK_TYPES.includes(type)) continue;
    const fields = STEP_FIELD_CLASSES[type][outcome];
    if (!fields) continue;
    const field = CLOSING_FIELDS.find((f) => f in fields);
    const rule = field ? fields[field] : undefined;
    classes.add(typeof rule === 'string' ? rule : 'deliberation');
  }
  return classes.size === 1 ? [...classes][0] : 'deliberation';
}

/**
 * Whether the reader may read why a lifecycle ended. With the outcome known, by the class of the
 * field it came from (a rejection's reason yes, a district's opposing opinion no). Without it (the
 * lifecycles table and the workflow's result keep only the stage): graduation and exit come only
 * from the graduation review's reason; a rejection may be the district's opinion, so it is hidden.
 */
export function closingReasonVisible(
  role: Role,
  closing: { stage: Stage | string; outcome?: string },
): boolean {
  const reader = readerOf(role);
  if (reader === 'officer') return true;
  const cls: FieldClass = closing.outcome
    ? closingReasonClass(closing.outcome)
    : closing.stage === 'graduated' || closing.stage === 'exited'
      ? 'decision_reason'
      : 'deliberation';
  return READABLE_CLASSES[reader].has(cls);
}
