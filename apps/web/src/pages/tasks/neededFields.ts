import type { Field } from '@hardtech/domain/forms/schema';
import { failedCriteria, type ScreeningReport } from '@hardtech/domain/screening';

/**
 * 二(一): only a failed soft criterion needs a written justification, so a pass asks for those
 * alone; officers took C1's and S2's boxes, shown for an enterprise that met both, for required.
 * Without the screening (not a screening task, or not visible) the fields stay as the form has them.
 */
export function neededFields(
  fields: Field[],
  screening: Pick<ScreeningReport, 'criteria'> | null | undefined,
) {
  if (!screening) return fields;
  const failed = new Set<string>(failedCriteria({ policyVersion: 0, ...screening }, 'soft').map((c) => c.id));
  return fields.flatMap((field): Field[] => {
    if (field.name !== 'justifications' || field.kind !== 'object') return [field];
    const needed = field.fields.filter((justification) => failed.has(justification.name));
    return needed.length ? [{ ...field, fields: needed }] : [];
  });
}
