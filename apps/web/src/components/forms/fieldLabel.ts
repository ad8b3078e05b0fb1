import { PURPOSE_LABELS, type AttachmentPurpose } from '@hardtech/domain/attachments';
import type { Field } from '@hardtech/domain/forms/schema';
import { NOMINATION_FIELDS } from '@hardtech/domain/nomination';
import { CRITERIA, type CriterionId } from '@hardtech/domain/screening';
import type { Text } from '@hardtech/domain/text';
import { fieldAt, parsePath } from './fieldErrors';

/**
 * What a refusal's `details[].field` path names, in words: a field of the form being submitted (or
 * of the nomination), a screening criterion, a certificate. Null when it names nothing the user
 * knows; the message then stands alone, never the code.
 */
export function fieldLabel(path: string, fields: Field[] = [], prefix = ''): Text | null {
  const [head, key] = path.split('.');
  if (head === 'criteria' && CRITERIA[key as CriterionId])
    return labelled(key, CRITERIA[key as CriterionId].label);
  if (head === 'evidence' && PURPOSE_LABELS[key as AttachmentPurpose])
    return PURPOSE_LABELS[key as AttachmentPurpose];
  const relative = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
  const name = parsePath(relative);
  const field = fieldAt(fields, name) ?? fieldAt(NOMINATION_FIELDS, name);
  return field?.label ?? null;
}

function labelled(id: string, label: Text): Text {
  return { zh: `${id} ${label.zh}`, en: `${id} ${label.en}` };
}
