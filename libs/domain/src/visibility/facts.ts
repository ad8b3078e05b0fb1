import { Role } from '../roles';
import { isTaskType } from '../task-types';
import { visibleEndReason } from './closing';
import { readerOf } from './readers';
import { visibleStep } from './redact';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The growth diagnosis the enterprise page shows ({portrait, by, at} as the read model keeps it):
 * the commissioner's portrait is the DIAGNOSE step's deliberation, so only what `visibleStep` leaves
 * of it is kept (never a `portrait` key for the enterprise or departments), and who wrote it only
 * where the reader may know.
 */
export function visibleDiagnosis(role: Role, diagnosis: unknown): unknown {
  if (!isObject(diagnosis) || readerOf(role) === 'officer') return diagnosis ?? null;
  const step = visibleStep(role, {
    taskType: 'DIAGNOSE',
    outcome: 'submit',
    data: { portrait: diagnosis.portrait },
    actor: str(diagnosis.by),
  });
  return { ...step.data, by: step.actor, at: str(diagnosis.at) };
}

/**
 * How a lifecycle ended ({stage, outcome, reason, by, at}; `outcome` the statechart's event, e.g.
 * `SCREEN.reject`): the reason by `visibleEndReason`, the outcome as `visibleStep` gives it (an
 * opinion that ended the path, `DISTRICT_FEEDBACK.oppose`, reads `DISTRICT_FEEDBACK.done`), the
 * decider only where the reader may know who decided.
 */
export function visibleClosing(role: Role, closing: unknown): unknown {
  if (!isObject(closing) || readerOf(role) === 'officer') return closing ?? null;
  const event = str(closing.outcome);
  const [type, outcome] = event?.includes('.') ? event.split('.', 2) : [null, event];
  const step = visibleStep(role, {
    taskType: isTaskType(type) ? type : null,
    outcome: outcome ?? '',
    data: {},
    actor: str(closing.by),
  });
  return {
    ...closing,
    outcome: event === null ? null : type === null ? step.outcome : `${type}.${step.outcome}`,
    reason: visibleEndReason(role, {
      stage: str(closing.stage),
      outcome: event,
      reason: str(closing.reason),
    }),
    by: step.actor,
  };
}
