import { isMonthDay } from './annual-review';
import { InvalidInput } from './errors';
import { Field } from './forms/schema';
import { validateFields } from './forms/validate';
import { parseDuration } from './durations';
import { Policy } from './policy';
import { TASK_LABELS, TASK_TYPES } from './task-types';
import { t } from './text';

const MONTH_DAY = '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const MONTH_DAY_TEXT = t('格式为月-日，如 03-01', 'as MM-DD, e.g. 03-01');
/**
 * Countersignatures (加签, issue 17) came after policies were stored: versions without their SLA
 * take DEFAULT_POLICY's (slaFor), and a policy saved again may still go without one.
 */
const LATER_SLA_TYPES = ['COUNTERSIGN'];

const slaValue: Field[] = [
  { name: 'due', kind: 'duration', workingDays: true, label: t('办理时限', 'Due after'), required: true },
  { name: 'remindBefore', kind: 'duration', label: t('到期前提醒', 'Remind before due'), required: true },
  { name: 'escalateAfter', kind: 'duration', label: t('逾期后升级', 'Escalate after due'), required: true },
];

/** The policy as GET /api/admin/policy returns it and PUT takes it (docs/api.md). */
export const POLICY_FIELDS: Field[] = [
  { name: 'version', kind: 'integer', min: 0, label: t('版本（保存时忽略）', 'Version (ignored on save)') },
  {
    name: 'thresholds',
    kind: 'object',
    label: t('筛选指标', 'Screening thresholds'),
    required: true,
    fields: [
      {
        name: 'maxRevenue',
        kind: 'integer',
        unit: 'yuan',
        min: 0,
        max: 1e12,
        label: t('营业收入上限', 'Revenue limit'),
        required: true,
      },
      {
        name: 'minRdIntensity',
        kind: 'number',
        percent: true,
        min: 0,
        max: 1,
        label: t('研发投入强度下限', 'Minimum R&D intensity'),
        required: true,
      },
      {
        name: 'minClassOneIp',
        kind: 'integer',
        min: 0,
        max: 1000,
        label: t('Ⅰ类知识产权下限（项）', 'Minimum Class I IP'),
        required: true,
      },
    ],
  },
  {
    name: 'poolCapacity',
    kind: 'integer',
    min: 1,
    max: 100_000,
    label: t('帮扶库容量（家）', 'Pool capacity'),
    required: true,
  },
  // 每年重点帮扶企业不少于50家.
  {
    name: 'annualTarget',
    kind: 'integer',
    min: 50,
    max: 100_000,
    label: t('年度重点帮扶目标（家）', 'Annual target'),
    required: true,
  },
  {
    name: 'districtFeedbackDefault',
    kind: 'enum',
    label: t('区县逾期未反馈时', 'When a district does not answer in time'),
    options: [
      { value: 'escalate', label: t('升级至科技处', 'Escalate to the city coordinator') },
      { value: 'support', label: t('视为同意并注明', 'Treat as support, noted') },
    ],
  },
  {
    name: 'evidenceRequired',
    kind: 'boolean',
    label: t('推荐时须上传指标3、5的认定证书', 'Nominations need the C3/C5 certificates'),
  },
  {
    name: 'maxOpenWhistles',
    kind: 'integer',
    min: 1,
    max: 100,
    label: t('每家企业同时待答复的吹哨数上限', 'Open whistles per enterprise at most'),
  },
  {
    name: 'whistleProblemMonths',
    kind: 'integer',
    min: 1,
    max: 12,
    label: t('吹哨新增问题的办理期限（月）', 'Months to solve a problem whistled on as new'),
  },
  {
    name: 'annualReview',
    kind: 'object',
    label: t('年度动态管理', 'Annual review'),
    fields: [
      {
        name: 'opensOn',
        kind: 'text',
        maxLength: 5,
        pattern: MONTH_DAY,
        patternText: MONTH_DAY_TEXT,
        label: t('开始日期（月-日）', 'Opens on (MM-DD)'),
        required: true,
      },
      {
        name: 'dueOn',
        kind: 'text',
        maxLength: 5,
        pattern: MONTH_DAY,
        patternText: MONTH_DAY_TEXT,
        label: t('截止日期（月-日）', 'Due on (MM-DD)'),
        required: true,
      },
    ],
  },
  {
    name: 'sla',

    kind: 'record',
    complete: true,
    required: true,
    label: t('办理时限', 'Service levels'),
    optionalKeys: LATER_SLA_TYPES,
    keys: TASK_TYPES.map((type) => ({ value: type, label: TASK_LABELS[type] })),
    value: slaValue,
  },
];

/** Validates a whole policy for PUT; the stored version number is assigned by the server. */
export function parsePolicy(input: unknown): Omit<Policy, 'version'> {
  const errors = validateFields(POLICY_FIELDS, input);
  if (!errors.length) {
    for (const type of TASK_TYPES) {
      const value = (input as Policy).sla[type]?.due;
      if (value === undefined) continue; // an optional key left out
      const due = typeof value === 'string' ? parseDuration(value)! : { workingDays: value.workingDays };
      if (Object.values(due).every((v) => v === 0)) {
        errors.push({ field: `sla.${type}.due`, text: t('办理时限必须大于零', 'must be longer than zero') });
      }
    }
  }
  const review = (input as Policy).annualReview;
  if (!errors.length && review) {
    for (const key of ['opensOn', 'dueOn'] as const) {
      if (!isMonthDay(review[key]))
        errors.push({ field: `annualReview.${key}`, text: t('日期不存在', 'no such date') });
    }
    if (!errors.length && review.dueOn <= review.opensOn) {
      errors.push({ field: 'annualReview.dueOn', text: t('须晚于开始日期', 'must be after opensOn') });
    }
  }
  if (errors.length) throw new InvalidInput(errors);
  const { version: _ignored, ...policy } = input as Policy;
  return policy;
}
