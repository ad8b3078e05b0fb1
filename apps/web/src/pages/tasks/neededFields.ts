import type { Field } from '@hardtech/domain/forms/schema';
import { failedCriteria, type ScreeningReport } from '@hardtech/domain/screening';
import { PROBLEM_PLAN_FIELDS, type ProblemPlanField } from '@hardtech/domain/whistle-plan';

/**
 * A step's fields as its context needs them:
 * - 二(一): only a failed soft criterion needs a written justification, so a pass asks for those
 *   alone; officers took C1's and S2's boxes, shown for an enterprise that met both, for required.
 *   Without the screening (not a screening task, or not visible) the fields stay as the form has them.
 * - 二(五): 部门报到 on a whistled new problem sets the 化解措施 and 目标任务 it lacks
 *   (`problemPlanMissing`), required then; a problem that has them is not asked for them again.
 */
export function neededFields(
  fields: Field[],
  screening: Pick<ScreeningReport, 'criteria'> | null | undefined,
  problemPlanMissing: readonly ProblemPlanField[] = [],
) {
  const failed = screening
    ? new Set<string>(failedCriteria({ policyVersion: 0, ...screening }, 'soft').map((c) => c.id))
    : null;
  const plan = new Set<string>(PROBLEM_PLAN_FIELDS);
  const missing = new Set<string>(problemPlanMissing);
  return fields.flatMap((field): Field[] => {
    if (plan.has(field.name)) return missing.has(field.name) ? [{ ...field, required: true }] : [];
    if (!failed || field.name !== 'justifications' || field.kind !== 'object') return [field];
    const needed = field.fields.filter((justification) => failed.has(justification.name));
    return needed.length ? [{ ...field, fields: needed }] : [];
  });
}
