import type { AnnualEvaluation, AnnualFigures } from '../annual-review';
import { Role } from '../roles';
import { readerOf } from './readers';

/** What a task carries for its form (issue 19.3): see TaskDetails in the lifecycle contract. */
export interface VisibleTaskDetails {
  annualUpdate?: { year: number; prefill: AnnualFigures };
  evaluation?: AnnualEvaluation;
}

/**
 * The annual update's year and figures are the enterprise's own; the evaluation that proposes its
 * graduation or exit is the officers' deliberation, kept from the enterprise and the departments.
 */
export function visibleTaskDetails(
  role: Role,
  details: VisibleTaskDetails | null,
): VisibleTaskDetails | null {
  if (!details) return null;
  if (readerOf(role) === 'officer') return details;
  const { evaluation: _kept, ...rest } = details;
  return Object.keys(rest).length ? rest : null;
}
