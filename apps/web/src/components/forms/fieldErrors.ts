import type { Field } from '@hardtech/domain/forms/schema';
import type { FieldError } from '../../api/client';

export type FieldPath = (string | number)[];

/** `problems[0].title` → ['problems', 0, 'title']: the API's dotted paths as antd name paths. */
export function parsePath(dotted: string): FieldPath {
  return dotted
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The schema field a path leads to, or undefined when the path is not one of the form's fields. */
export function fieldAt(fields: Field[], path: FieldPath): Field | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field || rest.length === 0) return field;
  switch (field.kind) {
    case 'object':
      return fieldAt(field.fields, rest);
    case 'list':
      return typeof rest[0] === 'number'
        ? rest.length === 1
          ? field
          : fieldAt(field.item, rest.slice(1))
        : undefined;
    case 'record':
      return field.keys.some((k) => k.value === rest[0])
        ? rest.length === 1
          ? field
          : fieldAt(field.value, rest.slice(1))
        : undefined;
    default:
      return undefined;
  }
}

export interface PlacedErrors {
  /** Messages per form name path (joined with '.'), for the fields the details name. */
  placed: { name: FieldPath; errors: string[] }[];
  /** Details that concern no field of the form: shown above it. */
  unplaced: FieldError[];
}

/**
 * Sorts an API refusal's details into those a field of the form can show beside itself and the
 * rest. `prefix` is what the API puts before the form's own paths (`data.` for task completion).
 */
export function placeErrors(fields: Field[], details: FieldError[], prefix = ''): PlacedErrors {
  const byName = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const detail of details) {
    const relative = detail.field.startsWith(prefix) ? detail.field.slice(prefix.length) : null;
    const name = relative === null ? [] : parsePath(relative);
    if (!name.length || !fieldAt(fields, name)) {
      unplaced.push(detail);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byName.set(key, entry);
  }
  return { placed: [...byName.values()], unplaced };
}
