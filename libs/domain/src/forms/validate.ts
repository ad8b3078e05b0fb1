import { creditCodeProblem } from '../credit-code';
import { isDuration } from '../durations';

import { FieldError, InvalidInput } from '../errors';
import { BUILTIN_CLUSTERS, findDistrict } from '../reference';
import { t } from '../text';
import { Field } from './schema';

export interface ValidationContext {
  /** Cluster codes of the live taxonomy; the built-in ones when absent. */
  clusters?: ReadonlySet<string>;
}

const BUILTIN_CLUSTER_CODES: ReadonlySet<string> = new Set(BUILTIN_CLUSTERS.map((c) => c.code));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^(\d{4})Q([1-4])$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isQuarter(value: unknown): value is string {
  return typeof value === 'string' && QUARTER.test(value);
}

/** Validates an object against fields: unknown keys, missing required values and every field's type. */
export function validateFields(
  fields: Field[],
  data: unknown,
  ctx: ValidationContext = {},
  path = '',
): FieldError[] {
  if (!isPlainObject(data)) return [{ field: path || 'data', text: t('应为对象', 'must be an object') }];
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) errors.push({ field: join(path, key), text: t('未知字段', 'unknown field') });
  }
  for (const field of fields)
    errors.push(...validateField(field, data[field.name], ctx, join(path, field.name)));
  return errors;
}

export function assertValid(fields: Field[], data: unknown, ctx: ValidationContext = {}): void {
  const errors = validateFields(fields, data, ctx);
  if (errors.length) throw new InvalidInput(errors);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function validateField(field: Field, value: unknown, ctx: ValidationContext, path: string): FieldError[] {
  const fail = (zh: string, en: string): FieldError[] => [{ field: path, text: t(zh, en) }];
  if (value === undefined || value === '' || value === null) {
    if (value === null && field.nullable) return [];
    return field.required ? fail('必填', 'is required') : [];
  }
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return fail('应为文本', 'must be a string');
      if (value.length > field.maxLength)
        return fail(`不能超过${field.maxLength}个字符`, `must have at most ${field.maxLength} characters`);
      if (field.minLength && value.trim().length < field.minLength)
        return fail(`至少${field.minLength}个字符`, `must have at least ${field.minLength} characters`);
      if (field.pattern && !new RegExp(field.pattern).test(value))
        return [{ field: path, text: field.patternText ?? t('格式不正确', 'has an invalid format') }];
      return [];
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        return fail('应为整数', 'must be an integer');
      if (field.min !== undefined && value < field.min)
        return fail(`不能小于${field.min}`, `must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max)
        return fail(`不能大于${field.max}`, `must be at most ${field.max}`);
      return [];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('应为数值', 'must be a number');
      if (field.min !== undefined && value < field.min)
        return fail(`不能小于${field.min}`, `must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max)
        return fail(`不能大于${field.max}`, `must be at most ${field.max}`);
      return [];
    case 'duration':
      if (field.workingDays && isPlainObject(value)) {
        const n = value.workingDays;
        return Object.keys(value).length === 1 &&
          Number.isInteger(n) &&
          (n as number) >= 1 &&
          (n as number) <= 365
          ? []
          : fail('工作日应为 {"workingDays": 1–365}', 'working days must be {"workingDays": 1-365}');
      }
      return isDuration(value)
        ? []
        : fail('应为ISO 8601时长，如 P10D、PT12H', 'must be an ISO 8601 duration such as P10D or PT12H');

    case 'boolean':
      return typeof value === 'boolean' ? [] : fail('应为布尔值', 'must be true or false');
    case 'enum':
      return typeof value === 'string' && field.options.some((o) => o.value === value)
        ? []
        : fail(
            `取值应为 ${field.options.map((o) => o.value).join(' / ')}`,
            `must be one of ${field.options.map((o) => o.value).join(', ')}`,
          );
    case 'date':
      return typeof value === 'string' && isRealDate(value)
        ? []
        : fail('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
    case 'quarter':
      return isQuarter(value) ? [] : fail('应为季度，如 2026Q3', 'must be a quarter such as 2026Q3');
    case 'ref':
      return validateRef(field.ref, value, ctx, path);
    case 'object':
      return validateFields(field.fields, value, ctx, path);
    case 'list': {
      if (!Array.isArray(value)) return fail('应为列表', 'must be a list');
      if (field.minItems && value.length < field.minItems)
        return fail(`至少${field.minItems}项`, `must have at least ${field.minItems} items`);
      if (value.length > field.maxItems)
        return fail(`不能超过${field.maxItems}项`, `must have at most ${field.maxItems} items`);
      return value.flatMap((item, i) => validateFields(field.item, item, ctx, `${path}[${i}]`));
    }
    case 'record': {
      if (!isPlainObject(value)) return fail('应为对象', 'must be an object');
      const keys = new Set(field.keys.map((k) => k.value));
      const errors: FieldError[] = [];
      for (const key of Object.keys(value)) {
        if (!keys.has(key)) errors.push({ field: join(path, key), text: t('未知项', 'unknown key') });
        else errors.push(...validateFields(field.value, value[key], ctx, join(path, key)));
      }
      if (field.complete) {
        for (const key of keys) {
          if (!(key in value) && !field.optionalKeys?.includes(key))
            errors.push({ field: join(path, key), text: t('必填', 'is required') });
        }
      }
      return errors;
    }
  }
}

function validateRef(ref: string, value: unknown, ctx: ValidationContext, path: string): FieldError[] {
  const fail = (zh: string, en: string): FieldError[] => [{ field: path, text: t(zh, en) }];
  if (typeof value !== 'string') return fail('应为文本', 'must be a string');
  switch (ref) {
    case 'creditCode': {
      const problem = creditCodeProblem(value);
      return problem ? [{ field: path, text: problem }] : [];
    }
    case 'district':
      return findDistrict(value) ? [] : fail('未知的区县代码', 'unknown district code');
    case 'cluster': {
      const clusters = ctx.clusters ?? BUILTIN_CLUSTER_CODES;
      return clusters.has(value) ? [] : fail('未知的产业集群代码', 'unknown industry cluster code');
    }
    default:
      return value.length > 0 && value.length <= 64 ? [] : fail('格式不正确', 'has an invalid format');
  }
}
