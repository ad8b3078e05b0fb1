import { CLUSTER_FILTER_FIELD } from './cluster-filter';
import { TASK_DEPARTMENT_LABELS } from './departments';
import { Field, Option } from './forms/schema';
import { LEDGER_STATUSES, OWNER_DEPARTMENTS, PROBLEM_CATEGORIES } from './ledger';
import { DOUBLING_STANDINGS, FIRST_POOL_YEAR, LEFT_AS, NO_REASON } from './pool-membership';
import { STAGES } from './stages';
import { TASK_TYPES } from './task-types';
import { ENDING_REASONS } from './tasks/forms';
import { t, Text } from './text';

/** The lists a view is saved for: the inbox (GET /api/tasks), the ledger (/problems), the enterprise list. */
export const VIEW_LISTS = ['inbox', 'ledger', 'enterprises'] as const;
export type ViewList = (typeof VIEW_LISTS)[number];

export const VIEW_LIST_LABELS: Record<ViewList, Text> = {
  inbox: t('待办任务', 'Inbox'),
  ledger: t('问题台账', 'Problem ledger'),
  enterprises: t('企业库', 'Enterprise list'),
};

const options = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: t(v, v) }));

const DISTRICT_FIELD: Field = {
  name: 'district',
  kind: 'ref',
  ref: 'district',
  label: t('区县', 'District'),
};
const OVERDUE_FIELD: Field = { name: 'overdue', kind: 'boolean', label: t('仅逾期', 'Overdue only') };
const pageSize = (max: number): Field => ({
  name: 'pageSize',
  kind: 'integer',
  min: 1,
  max,
  label: t('每页条数', 'Page size'),
});
const nameContains = (label = t('企业名称', 'Enterprise name')): Field => ({
  name: 'q',
  kind: 'text',
  maxLength: 100,
  label,
});
const year = (name: string, label = t('年份', 'Year')): Field => ({
  name,
  kind: 'integer',
  min: FIRST_POOL_YEAR,
  max: 2100,
  label,
});

/** The inbox filters a view may hold: those of GET /api/tasks, a due date relative (dueWithinDays). */
const INBOX_VIEW_FIELDS: Field[] = [
  { name: 'view', kind: 'enum', options: options(['inbox', 'mine', 'all', 'cc']), label: t('范围', 'Scope') },
  { name: 'type', kind: 'enum', options: options(TASK_TYPES), label: t('任务类型', 'Task type') },
  {
    name: 'status',
    kind: 'enum',
    options: options(['open', 'done', 'cancelled']),
    label: t('状态', 'Status'),
  },
  DISTRICT_FIELD,
  CLUSTER_FILTER_FIELD,
  {
    name: 'department',
    kind: 'enum',
    options: Object.entries(TASK_DEPARTMENT_LABELS).map(([value, label]) => ({ value, label })),
    label: t('待办部门', 'Waiting on'),
  },
  { name: 'candidateGroup', kind: 'text', maxLength: 120, label: t('候选组', 'Candidate group') },
  OVERDUE_FIELD,
  // Relative, so a saved view keeps meaning the same thing: the UI turns it into dueBefore.
  { name: 'dueWithinDays', kind: 'integer', min: 1, max: 365, label: t('几天内到期', 'Due within days') },
  {
    name: 'sort',
    kind: 'enum',
    options: options(['dueAt', '-dueAt', 'createdAt', '-createdAt']),
    label: t('排序', 'Sort'),
  },
  pageSize(100),
];

/**
 * The ledger's filters: those of GET /api/problems (ProblemQueryDto), `overdue` a boolean here. The
 * board (`owner`) a department officer saves is theirs; another reader's scope still decides what
 * the list shows them (access.service's problems()).
 */
const LEDGER_VIEW_FIELDS: Field[] = [
  { name: 'owner', kind: 'enum', options: OWNER_DEPARTMENTS, label: t('牵头部门', 'Owner department') },
  { name: 'status', kind: 'enum', options: LEDGER_STATUSES, label: t('状态', 'Status') },
  { name: 'category', kind: 'enum', options: PROBLEM_CATEGORIES, label: t('问题类别', 'Category') },
  { name: 'creditCode', kind: 'ref', ref: 'creditCode', label: t('统一社会信用代码', 'Credit code') },
  DISTRICT_FIELD,
  CLUSTER_FILTER_FIELD,
  nameContains(),
  OVERDUE_FIELD,
  pageSize(200),
];

/** The enterprise list's `leftFor`: a graduation's or an exit's reason, or `none` (recorded without one). */
export const LEFT_FOR_OPTIONS: Option[] = [
  ...ENDING_REASONS,
  { value: NO_REASON, label: t('未记录原因', 'No reason recorded') },
];

/** The enterprise list's filters: those of GET /api/enterprises (EnterpriseQueryDto). */
const ENTERPRISE_VIEW_FIELDS: Field[] = [
  { name: 'stage', kind: 'enum', options: options(STAGES), label: t('阶段', 'Stage') },
  DISTRICT_FIELD,
  CLUSTER_FILTER_FIELD,
  nameContains(t('企业名称或信用代码', 'Name or credit code')),
  { name: 'inPoolOn', kind: 'date', label: t('在库日期', 'In the pool on') },
  year('admittedIn', t('入库年份', 'Admitted in')),
  { name: 'doubling', kind: 'enum', options: options(DOUBLING_STANDINGS), label: t('三年倍增', 'Doubling') },
  { name: 'stageOn', kind: 'date', label: t('阶段日期', 'Stage on') },
  year('leftIn', t('移出年份', 'Left in')),
  { name: 'leftAs', kind: 'enum', options: options(LEFT_AS), label: t('移出方式', 'Left as') },
  { name: 'leftFor', kind: 'enum', options: LEFT_FOR_OPTIONS, label: t('移出原因', 'Left for') },
  pageSize(100),
];

/** What a view of each list may hold: its list's query, validated as the list itself checks it. */
export const VIEW_FILTER_FIELDS: Record<ViewList, Field[]> = {
  inbox: INBOX_VIEW_FIELDS,
  ledger: LEDGER_VIEW_FIELDS,
  enterprises: ENTERPRISE_VIEW_FIELDS,
};
