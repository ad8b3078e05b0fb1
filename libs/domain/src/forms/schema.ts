import { Text } from '../text';

/**
 * A small form language: one definition per payload that the API validates at the edge, the workflow
 * validator checks again, the OpenAPI document describes and the web UI renders.
 */
interface BaseField {
  name: string;
  label: Text;
  required?: boolean;
  /** null is accepted as "no value" (e.g. techCenter.level when there is no centre). */
  nullable?: boolean;
  help?: Text;
}

export interface TextField extends BaseField {
  kind: 'text';
  maxLength: number;
  minLength?: number;
  multiline?: boolean;
  pattern?: string;
  patternText?: Text;
}

export interface IntegerField extends BaseField {
  kind: 'integer';
  min?: number;
  max?: number;
  /** yuan values are shown in 万元 by the UI; stored and sent as integer yuan. */
  unit?: 'yuan' | 'count' | 'score' | 'person';
}

/** A decimal (ratios such as the R&D intensity threshold). */
export interface NumberField extends BaseField {
  kind: 'number';
  min?: number;
  max?: number;
  /** A ratio stored as a fraction (0.05) that people read and type as a percentage (5%). */
  percent?: boolean;
}

/** An ISO 8601 duration such as P10D or PT12H (SLA entries), or `{workingDays: n}` where allowed. */
export interface DurationField extends BaseField {
  kind: 'duration';
  workingDays?: boolean;
}

export interface BooleanField extends BaseField {
  kind: 'boolean';
}

export interface Option {
  value: string;
  label: Text;
}

export interface EnumField extends BaseField {
  kind: 'enum';
  options: Option[];
}

export interface DateField extends BaseField {
  kind: 'date';
}

export interface QuarterField extends BaseField {
  kind: 'quarter';
}

/** Values checked against reference data or the database by the layer that has it. */
export interface RefField extends BaseField {
  kind: 'ref';
  /** `problem`: a problem of the task's enterprise's ledger (its id; the form offers its title). */
  ref: 'creditCode' | 'district' | 'cluster' | 'user' | 'problem';
  /** For user refs: the role the referenced user must have. */
  role?: string;
}

export interface ObjectField extends BaseField {
  kind: 'object';
  fields: Field[];
}

export interface ListField extends BaseField {
  kind: 'list';
  item: Field[];
  minItems?: number;
  maxItems: number;
  /** What the button that adds a row says (添加一个问题的进展), when 添加：<label> would not read naturally. */
  addLabel?: Text;
}

/** A map whose keys come from a fixed list (e.g. the portrait's dimensions). */
export interface RecordField extends BaseField {
  kind: 'record';
  keys: Option[];
  value: Field[];
  /** Every key must be present (but those of `optionalKeys`). */
  complete?: boolean;
  /** Keys a complete record may go without (added after records were stored without them). */
  optionalKeys?: string[];
}

export type Field =
  | TextField
  | IntegerField
  | NumberField
  | DurationField
  | BooleanField
  | EnumField
  | DateField
  | QuarterField
  | RefField
  | ObjectField
  | ListField
  | RecordField;

export interface OutcomeForm {
  label: Text;
  fields: Field[];
  /** May be completed for many tasks at once with the same data (bulk completion). */
  bulk?: boolean;
}

export interface TaskForm {
  outcomes: Record<string, OutcomeForm>;
}
