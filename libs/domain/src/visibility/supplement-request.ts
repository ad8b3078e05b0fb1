import { Role } from '../roles';
import { Stage } from '../stages';
import { TaskType } from '../task-types';
import { visibleStep } from './redact';

/** The screening's outcome that sends the nomination to 补充材料, and its field that says what for. */
const REQUEST_OUTCOME = 'request_info';

/** A completed step of the lifecycle, oldest first, as the tasks table keeps it. */
export interface RecordedStep {
  taskType: TaskType;
  outcome: string | null;
  data: Record<string, unknown> | null;
  at: string | null;
}

/** What the screening asked the nominator to supplement, and when: `asked` null where the reader may not read it. */
export interface SupplementRequestView {
  asked: string | null;
  at: string;
}

/**
 * While the nomination is in 补充材料, what the city's screening asked for (its `questions`), as the
 * reader may read it: exactly what `visibleStep` gives of that SCREEN step in the case file and the
 * history (a request: the enterprise reads it, never the screening's criteria, judgments or who
 * screened), so the home page and the history never disagree. The latest request counts: a
 * supplemented nomination screened again may be sent back with new questions. Null in any other
 * stage, or when no request is recorded.
 */
export function visibleSupplementRequest(
  role: Role,
  stage: Stage,
  steps: readonly RecordedStep[],
): SupplementRequestView | null {
  if (stage !== 'supplement') return null;
  const request = steps
    .filter((s) => s.taskType === 'SCREEN' && s.outcome === REQUEST_OUTCOME && s.at)
    .at(-1);
  if (!request) return null;
  const seen = visibleStep(role, {
    taskType: request.taskType,
    outcome: REQUEST_OUTCOME,
    data: request.data ?? {},
    actor: null,
  });
  const asked = seen.data.questions;
  return { asked: typeof asked === 'string' ? asked : null, at: request.at! };
}
