import type { FormRule } from 'antd';

/**
 * A 行业处室's English name needs its Chinese one, which the zh-CN UI and the printouts read (the
 * API answers 422 DIVISION_NAME_REQUIRED otherwise): `chineseField` is the form's Chinese-name field.
 */
export function chineseNameFirst(chineseField: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: string) =>
      value?.trim() && !(getFieldValue(chineseField) as string | undefined)?.trim()
        ? Promise.reject(new Error(message))
        : Promise.resolve(),
  });
}
