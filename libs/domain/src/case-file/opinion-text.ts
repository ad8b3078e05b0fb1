import type { Field } from '../forms/schema';
import { TASK_FORMS } from '../tasks/forms';
import type { TaskType } from '../task-types';

/** The fields in which people write their opinion, in the order a 审批单 reads them. */
const OPINION_FIELDS = ['opinion', 'reason', 'questions', 'note', 'comment', 'response'];
/** Per-criterion notes: the coordinator's judgments (C2, C6) and accepted exceptions (C1, S2). */
const CRITERION_NOTES = ['judgments', 'justifications'];

/**
 * The text a person wrote on a step, from the data the reader may read: free text as written,
 * an enumerated reason by its Chinese label, criterion notes prefixed by the criterion. Null when
 * nothing readable was written. After criterion notes the free text carries its field's name
 * (C6：…；筛选意见：经核实…): unnamed, the district read the coordinator's overall opinion as more of
 * C6's note (ui-walk-9).
 */
export function opinionText(type: TaskType, outcome: string, data: Record<string, unknown>): string | null {
  const fields = TASK_FORMS[type]?.outcomes[outcome]?.fields ?? [];
  const parts: string[] = [];
  for (const name of CRITERION_NOTES) {
    const notes = data[name];
    if (!notes || typeof notes !== 'object') continue;
    for (const [id, value] of Object.entries(notes as Record<string, unknown>)) {
      const text = typeof value === 'string' ? value : (value as { note?: unknown } | null)?.note;
      if (typeof text === 'string' && text.trim()) parts.push(`${id}：${text.trim()}`);
    }
  }
  const named = parts.length > 0;
  for (const name of OPINION_FIELDS) {
    const value = data[name];
    if (typeof value !== 'string' || !value.trim()) continue;
    const field = fields.find((f) => f.name === name);
    const text = labelOf(field, value.trim());
    parts.push(named && field ? `${field.label.zh}：${text}` : text);
  }
  return parts.length ? parts.join('；') : null;
}

function labelOf(field: Field | undefined, value: string): string {
  if (field?.kind !== 'enum') return value;
  return field.options.find((o) => o.value === value)?.label.zh ?? value;
}
