import type { ArgumentMetadata } from '@nestjs/common';
import { FieldError, InvalidInput, t, Text } from '@hardtech/domain';

/** Deeper than any form of ours; bounds the recursion of every validator behind this pipe. */
export const MAX_DEPTH = 32;

// NUL and unpaired surrogates: PostgreSQL refuses them in text and jsonb, so they would surface
// as a 500 deep inside a transaction. No legitimate input contains them.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** `s` with what PostgreSQL cannot store replaced by U+FFFD: for logging what was refused. */
export function storableText(s: string): string {
  return s.replace(UNSTORABLE_ALL, '\ufffd');
}

const UNSTORABLE_TEXT: Text = t(
  '包含无法保存的字符（NUL或不成对的代理项）',
  'contains NUL or unpaired surrogates',
);
// JSON.parse keeps "__proto__" as an own key, but copying the object (class-transformer does) turns
// it into the prototype, and class-transformer drops "constructor": either way the key vanishes
// before validation sees it. No form of ours uses these names.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED_KEY_TEXT: Text = t('不允许的字段名', 'reserved field name');
const TOO_DEEP_TEXT: Text = t(`嵌套超过${MAX_DEPTH}层`, `nested deeper than ${MAX_DEPTH} levels`);

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Every string (values and keys) of a body, query or path parameter, checked before any use. */
function problemsOf(value: unknown, path: string, depth: number, out: FieldError[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) out.push({ field: path || 'body', text: UNSTORABLE_TEXT });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    out.push({ field: path || 'body', text: TOO_DEEP_TEXT });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => problemsOf(item, `${path}[${i}]`, depth + 1, out));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) out.push({ field: join(path, key), text: UNSTORABLE_TEXT });
    if (RESERVED_KEYS.has(key)) out.push({ field: join(path, key), text: RESERVED_KEY_TEXT });
    problemsOf(item, join(path, key), depth + 1, out);
  }
}

/** Input PostgreSQL cannot store, or nested without end, is a 400 naming the field. */
export function assertSafeInput(value: unknown, metadata: ArgumentMetadata): void {
  if (metadata.type === 'custom') return;
  const problems: FieldError[] = [];
  problemsOf(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), 0, problems);
  if (problems.length) throw new InvalidInput(problems);
}
