import { Text, t } from './text';

/** Task types of docs/api.md. The statechart says when each appears and who may do it. */
export const TASK_TYPES = [
  'SCREEN',
  'SUPPLEMENT',
  'DISTRICT_FEEDBACK',
  'ENTERPRISE_CONFIRM',
  'ADMIT',
  'DIAGNOSE',
  'QUARTERLY_REPORT',
  'QUARTERLY_REVIEW',
  'GRADUATION_REVIEW',
  'WHISTLE_RESPONSE',
  'PROBLEM_CLOSE',
  'PROBLEM_EXTENSION',
  'ANNUAL_UPDATE',
  // 加签/会签: an opinion asked of a colleague on another task (libs/domain/src/approval-actions).
  'COUNTERSIGN',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export function isTaskType(value: unknown): value is TaskType {
  return typeof value === 'string' && (TASK_TYPES as readonly string[]).includes(value);
}

export const TASK_LABELS: Record<TaskType, Text> = {
  SCREEN: t('市级筛选', 'City screening'),
  SUPPLEMENT: t('补充材料', 'Supplementary information'),
  DISTRICT_FEEDBACK: t('区县反馈意见', 'District feedback'),
  ENTERPRISE_CONFIRM: t('企业确认', 'Enterprise confirmation'),
  ADMIT: t('纳入帮扶库', 'Admission'),
  DIAGNOSE: t('企业成长诊断', 'Growth diagnosis'),
  QUARTERLY_REPORT: t('季度报告', 'Quarterly report'),
  QUARTERLY_REVIEW: t('季度调度评审', 'Quarterly review'),
  GRADUATION_REVIEW: t('移出帮扶库评审', 'Graduation review'),
  WHISTLE_RESPONSE: t('企业吹哨·部门报到', 'Whistle response'),
  PROBLEM_CLOSE: t('问题销号审核', 'Problem close-out'),
  PROBLEM_EXTENSION: t('问题延期审核', 'Problem extension'),
  ANNUAL_UPDATE: t('年度数据更新', 'Annual update'),
  COUNTERSIGN: t('会签意见', 'Countersignature'),
};
