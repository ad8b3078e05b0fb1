import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import type { TaskItem } from './taskTypes';

/** A task row as GET /api/tasks answers it, for component tests; override what a case needs. */
export function sampleTask(over: Partial<TaskItem> = {}): TaskItem {
  return {
    id: 't-1',
    sheetYear: 2026,
    sheetNo: 128,
    sheetNoText: '渝硬科审〔2026〕128号',
    type: 'SCREEN',
    label: { zh: '市级筛选', en: 'City screening' },
    creditCode: '91350100M000100Y43',
    enterpriseName: '重庆示例科技有限公司',
    stage: 'screening',
    candidateGroups: ['city_coordinator'],
    assignee: null,
    dueAt: '2099-01-01T00:00:00Z',
    provisional: false,
    createdAt: '2026-11-25T00:00:00Z',
    status: 'open',
    overdue: false,
    quarter: null,
    district: '500112',
    cluster: 'T2',
    policyVersion: 1,
    outcome: null,
    completedBy: null,
    completedAt: null,
    onBehalfOf: null,
    urgedAt: null,
    delegationReason: null,
    returned: null,
    countersignPending: false,
    ...over,
  };
}

/**
 * A task of `type` as GET /api/tasks/:id answers the officer who may complete it: the form and
 * outcomes from the domain's definition, no case file, no comments; override what a case needs.
 */
export function sampleTaskDetail(type: keyof typeof TASK_FORMS, over: Record<string, unknown> = {}) {
  return {
    ...sampleTask({ type, stage: 'supporting' }),
    data: null,
    form: TASK_FORMS[type],
    outcomes: Object.entries(TASK_FORMS[type].outcomes).map(([outcome, o]) => ({ outcome, label: o.label })),
    actions: { complete: true, claim: false, unclaim: true, delegate: false, urge: false, cc: false },
    enterprise: null,
    caseFile: null,
    comments: [],
    copies: [],
    copiedToMe: false,
    problemId: null,
    problemPlanMissing: [],
    ...over,
  };
}
