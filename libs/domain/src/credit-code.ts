import { Text, t } from './text';

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters over a 31-character
 * alphabet without I, O, Z, S, V; the last one is a check digit over the first 17 with weights
 * 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(value: unknown): value is string {
  return typeof value === 'string' && SHAPE.test(value) && creditCodeCheckChar(value) === value[17];
}

/** Why a value is not a credit code; null when it is one. */
export function creditCodeProblem(value: unknown): Text | null {
  if (typeof value !== 'string') return t('统一社会信用代码应为文本', 'credit code must be a string');
  if (value.length !== 18) return t('统一社会信用代码应为18位', 'credit code must have 18 characters');
  if (!SHAPE.test(value)) return t('统一社会信用代码含有非法字符', 'credit code contains invalid characters');
  if (creditCodeCheckChar(value) !== value[17])
    return t('统一社会信用代码校验位错误', 'credit code check digit does not match');
  return null;
}

/** Completes 17 characters with their check digit; used by tests and demo data. */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
