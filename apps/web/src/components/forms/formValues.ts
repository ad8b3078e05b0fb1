import type { Field } from '@hardtech/domain/forms/schema';

/**
 * The form holds what the user sees; the API takes what the domain defines. The two differ in
 * money (the UI shows 万元, the API takes integer yuan) and in emptiness (a cleared input is
 * `undefined` or '', the API wants the key absent, or null where the field is nullable).
 */
const YUAN_PER_WAN = 10_000;
/** A ratio is typed in percent; twelve significant digits drop the float noise of ×100 (0.05 → 5). */
const percentOf = (ratio: number) => Number((ratio * 100).toPrecision(12));
const ratioOf = (percent: number) => Number((percent / 100).toPrecision(12));

type Values = Record<string, unknown>;

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Converts each field's value of an object; what converts to undefined is left out. */
function convertFields(fields: Field[], values: unknown, convert: (f: Field, v: unknown) => unknown): Values {
  const source = isObject(values) ? values : {};
  const converted: Values = {};
  for (const field of fields) {
    const value = convert(field, source[field.name]);
    if (value !== undefined) converted[field.name] = value;
  }
  return converted;
}

/** API data → initial values of the form. */
export function toFormValues(fields: Field[], data: unknown): Values {
  return convertFields(fields, data, toFormValue);
}

function toFormValue(field: Field, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  switch (field.kind) {
    case 'integer':
      return field.unit === 'yuan' && typeof value === 'number' ? value / YUAN_PER_WAN : value;
    case 'number':
      return field.percent && typeof value === 'number' ? percentOf(value) : value;
    case 'object':
      return isObject(value) ? toFormValues(field.fields, value) : value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => toFormValues(field.item, item)) : value;
    case 'record':
      return isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toFormValues(field.value, v)]))
        : value;
    default:
      return value;
  }
}

/** Values of the form → API data: yuan again, and empty inputs left out (or null if nullable). */
export function fromFormValues(fields: Field[], values: unknown): Values {
  return convertFields(fields, values, fromFormValue);
}

function fromFormValue(field: Field, value: unknown): unknown {
  const empty = () => (field.nullable ? null : undefined);
  if (isEmpty(value)) return empty();
  switch (field.kind) {
    case 'integer':
      // 万元 with up to four decimals is a whole number of yuan; rounding removes float noise.
      return field.unit === 'yuan' && typeof value === 'number' ? Math.round(value * YUAN_PER_WAN) : value;
    case 'number':
      return field.percent && typeof value === 'number' ? ratioOf(value) : value;
    case 'object': {
      if (!isObject(value)) return value;
      const data = fromFormValues(field.fields, value);
      // A required object is sent even when empty, so the server names the missing inner fields.
      return Object.keys(data).length || field.required ? data : empty();
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => fromFormValues(field.item, item)) : value;
    case 'record': {
      if (!isObject(value)) return value;
      const entries = field.keys
        .filter((key) => key.value in value)
        .map((key) => [key.value, fromFormValues(field.value, value[key.value])] as const)
        .filter(([, v]) => field.complete || Object.keys(v).length > 0);
      return entries.length || field.required ? Object.fromEntries(entries) : empty();
    }
    default:
      return value;
  }
}
