import { Role } from '../roles';
import { Stage } from '../stages';
import { isTaskType, TASK_TYPES } from '../task-types';
import { LEDGER_TASK_TYPES } from '../task-keys';
import { readerOf } from './readers';
import { FieldClass, READABLE_CLASSES, STEP_FIELD_CLASSES } from './step-fields';

/**
 * The field the statechart's `close` action takes a lifecycle's end reason from, in its order
 * (workflows/lifecycle/machine.ts): a decision's reason, else a district's opinion, else a note.
 */
const CLOSING_FIELDS = ['reason', 'opinion', 'note'] as const;

/**
 * The class of the reason recorded when a lifecycle ends with this outcome: the class the forms
 * give the field it came from, when every task type with that outcome agrees; else a deliberation.
 */
export function closingReasonClass(outcome: string): FieldClass {
  const classes = new Set<FieldClass>();
  for (const type of TASK_TYPES) {
    // The ledger's outcomes (a problem's `reject`) never end a lifecycle.
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
 * The class of an ending's reason, by the statechart event that ended the lifecycle
 * (`SCREEN.reject`, as `closing.outcome` and `lifecycles.outcome` keep it) or its bare outcome.
 */
function endingReasonClass(event: string): FieldClass {
  const [type, outcome] = event.includes('.') ? event.split('.', 2) : [null, event];
  if (!isTaskType(type) || LEDGER_TASK_TYPES.includes(type)) return closingReasonClass(outcome);
  const fields = STEP_FIELD_CLASSES[type][outcome];
  const field = fields && CLOSING_FIELDS.find((f) => f in fields);
  const rule = field ? fields[field] : undefined;
  return typeof rule === 'string' ? rule : 'deliberation';
}

/**
 * Whether the reader may read why a lifecycle ended: the one rule for `closing.reason`,
 * `lifecycles[].reason` and the history's `lifecycle.ended`. With the event that ended it known, by
 * the class of the field the reason came from (a rejection's reason yes, a district's opposing
 * opinion no, the enterprise's own note yes). Without it (a lifecycle the projection recorded
 * before it kept the event, a workflow result): graduation and exit come only from the graduation
 * review's reason; a rejection may be the district's opinion, so it is hidden.
 */
export function closingReasonVisible(
  role: Role,
  closing: { stage: Stage | string; outcome?: string | null },
): boolean {
  const reader = readerOf(role);
  if (reader === 'officer') return true;
  const cls: FieldClass = closing.outcome
    ? endingReasonClass(closing.outcome)
    : closing.stage === 'graduated' || closing.stage === 'exited'
      ? 'decision_reason'
      : 'deliberation';
  return READABLE_CLASSES[reader].has(cls);
}

/** A lifecycle's end reason as the reader may read it (`closingReasonVisible`), else null. */
export function visibleEndReason(
  role: Role,
  ending: { stage: Stage | string | null; outcome?: string | null; reason: string | null },
): string | null {
  return closingReasonVisible(role, { stage: ending.stage ?? '', outcome: ending.outcome })
    ? ending.reason
    : null;
}
