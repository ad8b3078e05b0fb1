import type { Option } from '../forms/schema';
import { moneyText } from '../money';
import type { Text } from '../text';

const NONE = '—';

/** Money on paper as on the screen (moneyText): 1,234.5678 万元, 1.2 亿元. */
export function yuanText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? NONE : moneyText(yuan, 'zh');
}

/** A ratio as a percentage with two decimals (R&D intensity). */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? NONE : `${(ratio * 100).toFixed(2)}%`;
}

/**
 * 三年倍增's ratio of revenue to the baseline as the screens word it (营收为入库基准的 1.30 倍):
 * "130.00%" under 营收增长 read as revenue grown by 130%, where it had grown by 30%.
 */
export function times(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? NONE : `${ratio.toFixed(2)} 倍`;
}

/** An enumerated value by its Chinese label; an unknown value as it is, never an empty cell. */
export function optionLabel(options: readonly Option[], value: unknown): string {
  if (value === null || value === undefined || value === '') return NONE;
  return options.find((o) => o.value === value)?.label.zh ?? String(value);
}

/**
 * A person as a 审批单 names them: display name, and the department on its own line (a name never
 * wraps into it); a dash when the reader may not know who.
 */
export function personLine(name: string | null | undefined, department?: Text | null): string {
  if (!name) return NONE;
  return department ? `${name}\n${department.zh}` : name;
}

export function text(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? NONE : value;
}

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? NONE : value ? '是' : '否';
}
