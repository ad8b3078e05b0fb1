import { FieldError, InvalidInput } from './errors';
import { Field, ObjectField } from './forms/schema';
import { ValidationContext, validateFields } from './forms/validate';
import { t } from './text';

export type TechCenterKind = 'enterprise_tech_center' | 'innovation_demo' | 'none';
export type TechCenterLevel = 'municipal' | 'national';
export type Srdi = 'none' | 'specialized' | 'little_giant';
export type AchievementKind = 'fill_gap' | 'strengthen' | 'lengthen';

/** A nomination as docs/api.md defines it. Money is integer yuan. */
export interface Nomination {
  creditCode: string;
  name: string;
  district: string;
  cluster: string;
  revenuePrevYear: number;
  rdExpensePrevYear: number;
  techCenter: { kind: TechCenterKind; level: TechCenterLevel | null };
  classOneIpCount: number;
  listed: boolean;
  srdi: Srdi;
  hardTechDescription: string;
  achievements: { kind: AchievementKind; description: string }[];
  contact: { name: string; phone: string };
}

export const TECH_CENTER_KINDS = [
  { value: 'enterprise_tech_center', label: t('市级企业技术中心', 'Municipal enterprise technology centre') },
  {
    value: 'innovation_demo',
    label: t('技术创新示范企业', 'Technology-innovation demonstration enterprise'),
  },
  { value: 'none', label: t('无', 'None') },
];
export const TECH_CENTER_LEVELS = [
  { value: 'municipal', label: t('市级', 'Municipal') },
  { value: 'national', label: t('国家级', 'National') },
];
export const SRDI_OPTIONS = [
  { value: 'none', label: t('无', 'None') },
  { value: 'specialized', label: t('专精特新', 'Specialised (SRDI)') },
  { value: 'little_giant', label: t('专精特新“小巨人”', '“Little giant” (SRDI)') },
];
export const ACHIEVEMENT_KINDS = [
  { value: 'fill_gap', label: t('填空白', 'Fills a gap') },
  { value: 'strengthen', label: t('补短板', 'Strengthens a weak link') },
  { value: 'lengthen', label: t('锻长板', 'Lengthens a strength') },
];

const YUAN_MAX = 1_000_000_000_000; // one trillion yuan: anything larger is a typing error

/** Every field except the credit code, which identifies the lifecycle and cannot be corrected. */
export const NOMINATION_DETAIL_FIELDS: Field[] = [
  {
    name: 'name',
    kind: 'text',
    label: t('企业名称', 'Enterprise name'),
    required: true,
    minLength: 2,
    maxLength: 100,
  },
  { name: 'district', kind: 'ref', ref: 'district', label: t('所在区县', 'District'), required: true },
  {
    name: 'cluster',
    kind: 'ref',
    ref: 'cluster',
    label: t('所属产业集群', 'Industry cluster'),
    required: true,
  },
  {
    name: 'revenuePrevYear',
    kind: 'integer',
    unit: 'yuan',
    min: 0,
    max: YUAN_MAX,
    label: t('上年度营业收入', 'Previous-year revenue'),
    required: true,
  },
  {
    name: 'rdExpensePrevYear',
    kind: 'integer',
    unit: 'yuan',
    min: 0,
    max: YUAN_MAX,
    label: t('上年度研发投入', 'Previous-year R&D expense'),
    required: true,
  },
  {
    name: 'techCenter',
    kind: 'object',
    label: t('企业技术中心 / 技术创新示范企业', 'Technology centre / demonstration enterprise'),
    required: true,
    fields: [
      { name: 'kind', kind: 'enum', options: TECH_CENTER_KINDS, label: t('类型', 'Kind'), required: true },
      { name: 'level', kind: 'enum', options: TECH_CENTER_LEVELS, label: t('级别', 'Level'), nullable: true },
    ],
  },
  {
    name: 'classOneIpCount',
    kind: 'integer',
    unit: 'count',
    min: 0,
    max: 100_000,
    label: t('与主导产品相关的Ⅰ类知识产权（项）', 'Class I IP related to the main product'),
    required: true,
  },
  { name: 'listed', kind: 'boolean', label: t('是否上市', 'Listed'), required: true },
  {
    name: 'srdi',
    kind: 'enum',
    options: SRDI_OPTIONS,
    label: t('专精特新资质', 'SRDI status'),
    required: true,
  },
  {
    name: 'hardTechDescription',
    kind: 'text',
    multiline: true,
    minLength: 10,
    maxLength: 4000,
    label: t('硬科技说明', 'Hard technology'),
    required: true,
  },
  {
    name: 'achievements',
    kind: 'list',
    maxItems: 20,
    label: t('主导产品“补短板”“锻长板”“填空白”成效', 'Achievements of the main product'),
    required: true,
    item: [
      { name: 'kind', kind: 'enum', options: ACHIEVEMENT_KINDS, label: t('类别', 'Kind'), required: true },
      { name: 'description', kind: 'text', maxLength: 2000, label: t('说明', 'Description'), required: true },
    ],
  },
  {
    name: 'contact',
    kind: 'object',
    label: t('联系人', 'Contact'),
    required: true,
    fields: [
      { name: 'name', kind: 'text', maxLength: 50, label: t('姓名', 'Name'), required: true },
      {
        name: 'phone',
        kind: 'text',
        maxLength: 20,
        pattern: '^[0-9+][0-9 ()+-]{4,19}$',
        patternText: t('电话号码格式不正确', 'not a telephone number'),
        label: t('电话', 'Phone'),
        required: true,
      },
    ],
  },
];

export const NOMINATION_FIELDS: Field[] = [
  {
    name: 'creditCode',
    kind: 'ref',
    ref: 'creditCode',
    label: t('统一社会信用代码', 'Unified social credit code'),
    required: true,
  },
  ...NOMINATION_DETAIL_FIELDS,
];

/** Rules across fields that the field types cannot say. */
function crossFieldErrors(n: Partial<Nomination>): FieldError[] {
  const errors: FieldError[] = [];
  const center = n.techCenter;
  if (center && typeof center === 'object') {
    if (center.kind === 'none' && center.level) {
      errors.push({
        field: 'techCenter.level',
        text: t('无技术中心时级别应为空', 'must be null when kind is none'),
      });
    }
    if (center.kind && center.kind !== 'none' && !center.level) {
      errors.push({ field: 'techCenter.level', text: t('必填', 'is required') });
    }
  }
  return errors;
}

/** Validates a complete nomination; throws InvalidInput listing every problem. */
export function parseNomination(input: unknown, ctx: ValidationContext = {}): Nomination {
  const errors = validateFields(NOMINATION_FIELDS, input, ctx);
  if (!errors.length) errors.push(...crossFieldErrors(input as Nomination));
  if (errors.length) throw new InvalidInput(errors);
  return input as Nomination;
}

/** Corrected fields of a SUPPLEMENT: any subset of the nomination's details, merged over the old one. */
export const NOMINATION_CORRECTION: ObjectField = {
  name: 'corrections',
  kind: 'object',
  label: t('更正内容', 'Corrections'),
  fields: NOMINATION_DETAIL_FIELDS.map((f) => ({ ...f, required: false })),
};

export function applyCorrections(nomination: Nomination, corrections: Partial<Nomination>): Nomination {
  const merged = { ...nomination, ...corrections, creditCode: nomination.creditCode };
  const errors = crossFieldErrors(merged);
  if (errors.length) throw new InvalidInput(errors);
  return merged;
}
