import { ANNUAL_UPDATE_FIELDS } from '../annual-review';
import { NOMINATION_CORRECTION } from '../nomination';
import { Field, RefField, TaskForm } from '../forms/schema';
import {
  DIAGNOSIS_DIMENSIONS,
  OWNER_DEPARTMENTS,
  PROBLEM_CATEGORIES,
  PROBLEM_MEASURES_LABEL,
  PROBLEM_OWNER_LABEL,
  PROBLEM_TARGET_LABEL,
  REVIEW_PROBLEM_STATUSES,
  SPECIAL_HANDLING,
} from '../ledger';
import { CRITERIA } from '../screening';
import { TaskType } from '../task-types';
import { t } from '../text';

const note = (required: boolean, zh = '说明', en = 'Note'): Field => ({
  name: 'note',
  kind: 'text',
  multiline: true,
  maxLength: 2000,
  label: t(zh, en),
  required,
});

const reasonText = (required: boolean): Field => ({
  name: 'reason',
  kind: 'text',
  multiline: true,
  maxLength: 2000,
  label: t('理由', 'Reason'),
  required,
});

/** 会签意见: whoever is asked to countersign says why, whichever way. */
const countersignOpinion: Field = {
  name: 'opinion',
  kind: 'text',
  multiline: true,
  maxLength: 2000,
  minLength: 2,
  label: t('会签意见', 'Opinion'),
  required: true,
};

/** A judgment criterion as the screening panel names it (C2 自主研发的硬科技), not 指标2. */
const judgment = (id: 'C2' | 'C6'): Field => ({
  name: id,
  kind: 'object',
  label: t(`${id} ${CRITERIA[id].label.zh}`, `${id} ${CRITERIA[id].label.en}`),
  fields: [
    { name: 'affirmed', kind: 'boolean', label: t('确认', 'Affirmed') },
    { name: 'note', kind: 'text', multiline: true, maxLength: 2000, label: t('确认意见', 'Note') },
  ],
});

const justification = (id: 'C1' | 'S2', zh: string, en: string): Field => ({
  name: id,
  kind: 'text',
  multiline: true,
  maxLength: 2000,
  label: t(zh, en),
});

/** Problem fields of the ledger (化解问题台账): created by the diagnosis. */
export const PROBLEM_FIELDS: Field[] = [
  { name: 'title', kind: 'text', maxLength: 200, minLength: 2, label: t('问题', 'Problem'), required: true },
  {
    name: 'category',
    kind: 'enum',
    options: PROBLEM_CATEGORIES,
    label: t('问题类别', 'Category'),
    required: true,
  },
  {
    name: 'measures',
    kind: 'text',
    multiline: true,
    maxLength: 2000,
    label: PROBLEM_MEASURES_LABEL,
    required: true,
  },
  { name: 'target', kind: 'text', maxLength: 500, label: PROBLEM_TARGET_LABEL, required: true },
  {
    name: 'ownerDepartment',
    kind: 'enum',
    options: OWNER_DEPARTMENTS,
    label: PROBLEM_OWNER_LABEL,
    required: true,
  },
  { name: 'dueAt', kind: 'date', label: t('完成时限', 'Due date'), required: true },
  {
    name: 'special',
    kind: 'enum',
    options: SPECIAL_HANDLING,
    label: t('特殊处理', 'Special handling'),
    nullable: true,
  },
];

/**
 * 部门报到 on a whistled new problem sets its 化解措施 and 目标任务 (whistle-plan.ts): the ledger's
 * fields, asked only while the problem lacks them (the validator requires them then, the task page
 * shows them then), so optional in the form. Named as the problem card beside the form names them.
 */
const ANSWER_PLAN_FIELDS: Field[] = [
  {
    ...PROBLEM_FIELDS.find((f) => f.name === 'measures')!,
    required: false,
    help: t(
      '该问题由企业吹哨新增，尚无化解措施和目标任务：请在报到时一并填写，写入问题台账（企业可见）。',
      'The whistle put this problem in the ledger without measures or a target: set them with your answer; they enter the ledger (the enterprise reads them).',
    ),
  },
  { ...PROBLEM_FIELDS.find((f) => f.name === 'target')!, required: false },
];

export const LISTING_PROGRESS = [
  { value: 'none', label: t('暂无计划', 'No plan') },
  { value: 'preparing', label: t('筹备中', 'Preparing') },
  { value: 'tutoring', label: t('辅导备案', 'In tutoring') },
  { value: 'filed', label: t('申报受理', 'Application filed') },
  { value: 'listed', label: t('已上市', 'Listed') },
];

export const GRADUATION_REASONS = [
  { value: 'on_track', label: t('已走上发展正轨', 'On track') },
  { value: 'doubled', label: t('营业收入实现倍增', 'Revenue doubled') },
  { value: 'listed', label: t('已上市', 'Listed') },
];
export const EXIT_REASONS = [
  { value: 'ineligible', label: t('不再符合条件', 'No longer eligible') },
  { value: 'withdrew', label: t('企业主动退出', 'Withdrew') },
  { value: 'relocated', label: t('迁出本市', 'Relocated') },
  { value: 'closed', label: t('停业注销', 'Closed') },
];
/** Why a membership period ended: a graduation's reason or an exit's. */
export const ENDING_REASONS = [...GRADUATION_REASONS, ...EXIT_REASONS];

/** A coordinator's opinion on a ledger request (销号, 延期). */
const opinion = (required: boolean): Field => ({
  name: 'opinion',
  kind: 'text',
  multiline: true,
  minLength: required ? 2 : undefined,
  maxLength: 2000,
  label: t('审核意见', 'Opinion'),
  required,
});

/** Ledger work (issue 19): the coordinators decide a close request and a request for more time. */
const PROBLEM_TASK_FORMS = {
  PROBLEM_CLOSE: {
    outcomes: {
      confirm: { label: t('同意销号', 'Confirm (close out)'), fields: [opinion(true)] },
      reject: { label: t('退回继续化解', 'Reject'), fields: [opinion(true)] },
    },
  },
  PROBLEM_EXTENSION: {
    outcomes: {
      approve: { label: t('同意延期', 'Approve'), fields: [opinion(false)] },
      reject: { label: t('不同意延期', 'Reject'), fields: [opinion(true)] },
    },
  },
} satisfies Partial<Record<TaskType, TaskForm>>;

/** The form of every task type: its outcomes and the data each needs (docs/api.md, "Tasks"). */
export const TASK_FORMS: Record<TaskType, TaskForm> = {
  SCREEN: {
    outcomes: {
      pass: {
        label: t('通过筛选', 'Pass'),
        fields: [
          {
            name: 'judgments',
            kind: 'object',
            label: t('人工研判', 'Judgments'),
            fields: [judgment('C2'), judgment('C6')],
          },
          {
            name: 'justifications',
            kind: 'object',
            label: t('例外说明', 'Justifications'),
            fields: [
              justification('C1', '营业收入超过1亿元的说明', 'Why revenue above the limit is accepted'),
              justification('S2', '非专精特新企业的说明', 'Why a non-SRDI enterprise is accepted'),
            ],
          },
          note(false, '筛选意见', 'Comment'),
        ],
      },
      reject: { label: t('不予入库', 'Reject'), fields: [reasonText(true)] },
      request_info: {
        label: t('退回补充材料', 'Request information'),
        fields: [
          {
            name: 'questions',
            kind: 'text',
            multiline: true,
            maxLength: 2000,
            label: t('需补充的内容', 'What to supplement'),
            required: true,
          },
        ],
      },
    },
  },
  SUPPLEMENT: {
    outcomes: {
      submit: {
        label: t('提交补充材料', 'Submit'),
        fields: [NOMINATION_CORRECTION, note(false, '补充说明', 'Note')],
      },
    },
  },
  DISTRICT_FEEDBACK: {
    outcomes: {
      support: {
        label: t('同意', 'Support'),
        bulk: true,
        fields: [
          {
            name: 'opinion',
            kind: 'text',
            multiline: true,
            maxLength: 2000,
            label: t('区县意见', 'Opinion'),
          },
        ],
      },
      oppose: {
        label: t('不同意', 'Oppose'),
        fields: [
          {
            name: 'opinion',
            kind: 'text',
            multiline: true,
            maxLength: 2000,
            label: t('区县意见', 'Opinion'),
            required: true,
          },
        ],
      },
    },
  },
  ENTERPRISE_CONFIRM: {
    outcomes: {
      confirm: { label: t('确认入库意愿及数据', 'Confirm'), fields: [note(false)] },
      decline: { label: t('放弃', 'Decline'), fields: [note(true, '放弃原因', 'Why')] },
    },
  },
  ADMIT: {
    outcomes: {
      admit: {
        label: t('纳入帮扶库', 'Admit'),
        fields: [
          {
            name: 'leadCluster',
            kind: 'ref',
            ref: 'cluster',
            label: t('牵头行业处室（集群）', 'Lead cluster'),
            required: true,
          },
          {
            name: 'commissioner',
            kind: 'ref',
            ref: 'user',
            role: 'commissioner',
            label: t('企业服务专员', 'Service commissioner'),
            required: true,
          },
          {
            name: 'districtLiaison',
            kind: 'ref',
            ref: 'user',
            role: 'district_officer',
            label: t('区县联络人', 'District liaison'),
            required: true,
          },
          reasonText(false),
        ],
      },
      reject: { label: t('不予纳入', 'Reject'), fields: [reasonText(true)] },
    },
  },
  DIAGNOSE: {
    outcomes: {
      submit: {
        label: t('提交诊断', 'Submit diagnosis'),
        fields: [
          {
            name: 'portrait',
            kind: 'record',
            keys: DIAGNOSIS_DIMENSIONS,
            complete: true,
            label: t('企业画像', 'Portrait'),
            required: true,
            value: [
              {
                name: 'score',
                kind: 'integer',
                unit: 'score',
                min: 1,
                max: 5,
                label: t('评分', 'Score'),
                required: true,
              },
              { name: 'note', kind: 'text', multiline: true, maxLength: 1000, label: t('说明', 'Note') },
            ],
          },
          {
            name: 'problems',
            kind: 'list',
            maxItems: 50,
            item: PROBLEM_FIELDS,
            label: t('诊断问题清单', 'Problems'),
            required: true,
          },
        ],
      },
    },
  },
  QUARTERLY_REPORT: {
    outcomes: {
      submit: {
        label: t('提交季度报告', 'Submit'),
        fields: [
          { name: 'quarter', kind: 'quarter', label: t('季度', 'Quarter'), required: true },
          {
            name: 'revenue',
            kind: 'integer',
            unit: 'yuan',
            min: 0,
            max: 1e12,
            label: t('本季度营业收入', 'Revenue'),
            required: true,
          },
          {
            name: 'rdExpense',
            kind: 'integer',
            unit: 'yuan',
            min: 0,
            max: 1e12,
            label: t('本季度研发投入', 'R&D expense'),
            required: true,
          },
          {
            name: 'headcount',
            kind: 'integer',
            unit: 'person',
            min: 0,
            max: 1_000_000,
            label: t('从业人数', 'Headcount'),
            required: true,
          },
          {
            name: 'newClassOneIp',
            kind: 'integer',
            unit: 'count',
            min: 0,
            max: 10_000,
            label: t('新增Ⅰ类知识产权', 'New Class I IP'),
            required: true,
          },
          {
            name: 'financing',
            kind: 'integer',
            unit: 'yuan',
            min: 0,
            max: 1e12,
            label: t('本季度融资额', 'Financing'),
            required: true,
          },
          {
            name: 'listingProgress',
            kind: 'enum',
            options: LISTING_PROGRESS,
            label: t('上市进展', 'Listing progress'),
            required: true,
          },
          note(false, '其他情况', 'Remarks'),
        ],
      },
    },
  },
  QUARTERLY_REVIEW: {
    outcomes: Object.fromEntries(
      (
        [
          ['continue', t('继续帮扶', 'Continue')],
          ['recommend_graduation', t('建议毕业移出', 'Recommend graduation')],
          ['recommend_exit', t('建议退出', 'Recommend exit')],
        ] as const
      ).map(([outcome, label]) => [
        outcome,
        {
          label,
          fields: [
            {
              name: 'problemUpdates',
              kind: 'list',
              maxItems: 100,
              label: t('台账问题进展', 'Ledger updates'),
              addLabel: t('添加一个问题的进展', 'Add progress on a problem'),
              item: [
                {
                  name: 'problemId',
                  kind: 'ref',
                  ref: 'problem',
                  label: t('台账问题', 'Ledger problem'),
                  required: true,
                },
                {
                  name: 'status',
                  kind: 'enum',
                  options: REVIEW_PROBLEM_STATUSES,
                  label: t('状态', 'Status'),
                  required: true,
                },
                {
                  name: 'note',
                  kind: 'text',
                  multiline: true,
                  maxLength: 2000,
                  label: t('进展说明', 'Note'),
                },
              ],
            },
            {
              name: 'comment',
              kind: 'text',
              multiline: true,
              maxLength: 2000,
              label: t('评审意见', 'Comment'),
              required: outcome !== 'continue',
            },
          ],
        },
      ]),
    ),
  },
  GRADUATION_REVIEW: {
    outcomes: {
      graduate: {
        label: t('毕业移出', 'Graduate'),
        fields: [
          {
            name: 'reason',
            kind: 'enum',
            options: GRADUATION_REASONS,
            label: t('理由', 'Reason'),
            required: true,
          },
          note(false),
        ],
      },
      exit: {
        label: t('退出帮扶库', 'Exit'),
        fields: [
          { name: 'reason', kind: 'enum', options: EXIT_REASONS, label: t('理由', 'Reason'), required: true },
          note(false),
        ],
      },
      continue: { label: t('继续帮扶', 'Continue supporting'), fields: [note(false)] },
    },
  },
  WHISTLE_RESPONSE: {
    outcomes: {
      respond: {
        label: t('部门报到答复', 'Respond'),
        fields: [
          {
            name: 'response',
            kind: 'text',
            multiline: true,
            maxLength: 4000,
            minLength: 2,
            label: t('答复（企业可见）', 'Response (visible to the enterprise)'),
            // Class `reply` (visibility/step-fields.ts): the enterprise reads it on its problem, in
            // its history and its 一企一档, unlike the page's comments, which stay internal.
            help: t(
              '此答复将发送给吹哨企业，企业可在问题台账、办理记录和一企一档中看到。仅供部门内部的意见请写在“办理意见交流”中（企业不可见）。',
              'This reply is sent to the enterprise that blew the whistle; it reads it on its problem, in its history and its case file. Write internal remarks under Comments (not visible to the enterprise) instead.',
            ),
            required: true,
          },
          ...ANSWER_PLAN_FIELDS,
          {
            name: 'resolved',
            kind: 'boolean',
            label: t('问题已解决', 'Resolved'),
            // The department's claim, not the 销号: it opens the close request a 申请销号 opens.
            help: t(
              '选“是”即以上述答复申请销号：问题进入科技处的问题销号审核，审核通过后方才销号；此前企业看到“待审核销号”。',
              'Yes asks the city coordinators to close the problem out, with the reply above as how it was resolved: it is closed out only once they confirm it; until then the enterprise sees it awaiting the close-out review.',
            ),
            required: true,
          },
        ],
      },
    },
  },
  ...PROBLEM_TASK_FORMS,
  // 动态管理: last year's figures, prefilled from the last known ones (the task's `prefill`).
  ANNUAL_UPDATE: {
    outcomes: {
      submit: { label: t('提交年度数据', 'Submit'), fields: [...ANNUAL_UPDATE_FIELDS, note(false)] },
    },
  },
  COUNTERSIGN: {
    outcomes: {
      agree: { label: t('同意', 'Agree'), fields: [countersignOpinion] },
      disagree: { label: t('不同意', 'Disagree'), fields: [countersignOpinion] },
    },
  },
};

export function outcomesOf(type: TaskType): string[] {
  return Object.keys(TASK_FORMS[type].outcomes);
}

/** Whether a field, or one nested in it, names a `ref` value (an object's fields, a list's items, a record's values). */
function refers(field: Field, ref: RefField['ref']): boolean {
  switch (field.kind) {
    case 'ref':
      return field.ref === ref;
    case 'object':
      return field.fields.some((f) => refers(f, ref));
    case 'list':
      return field.item.some((f) => refers(f, ref));
    case 'record':
      return field.value.some((f) => refers(f, ref));
    default:
      return false;
  }
}

/**
 * Whether any outcome of the step's form names a `ref` value: the API sends the taxonomy's active
 * clusters only with the completions that choose one (ADMIT's lead cluster, a supplement's
 * corrected cluster), not with every Update.
 */
export function formRefers(type: TaskType, ref: RefField['ref']): boolean {
  return Object.values(TASK_FORMS[type].outcomes).some((o) => o.fields.some((f) => refers(f, ref)));
}
