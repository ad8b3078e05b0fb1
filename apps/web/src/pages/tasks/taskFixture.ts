import { sampleNomination } from '@hardtech/domain/samples';
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

export const criterion = (id: string, kind: string, outcome: string, detail: string) => ({
  id,
  kind,
  outcome,
  detail,
  detailEn: detail,
});
export const SCREENING = {
  policyVersion: 1,
  criteria: [
    criterion('C1', 'soft', 'fail', '上年度营业收入 12000万元 > 10000万元'),
    criterion('C2', 'judgment', 'judgment', '需筛选人员确认硬科技属性并说明'),
    criterion('C4', 'hard', 'pass', '研发投入强度 7.50% ≥ 5%'),
  ],
};
const NOMINATION = sampleNomination({ revenuePrevYear: 120_000_000, rdExpensePrevYear: 9_000_000 });
/** A task's case file (GET /api/tasks/:id caseFile): the nomination, its screening, an opinion and a file. */
export const CASE_FILE = {
  enterprise: {
    ...NOMINATION,
    districtName: '渝北区',
    clusterName: '集成电路',
    rdIntensity: 0.075,
    stage: 'screening',
    lifecycleNo: 1,
    leadCluster: null,
    leadClusterName: null,
    commissioner: null,
    commissionerName: null,
    districtLiaison: null,
    districtLiaisonName: null,
    baselineRevenue: null,
  },
  screening: SCREENING,
  opinions: [
    {
      taskId: 's-0',
      taskType: 'SUPPLEMENT',
      outcome: 'submit',
      opinion: '已补充研发费用明细',
      data: {},
      actor: 'district-500112',
      actorName: '李区县',
      actorDepartment: { zh: '渝北区经信部门', en: 'Yubei district department' },
      at: '2026-11-24T02:00:00Z',
    },
  ],
  attachments: [
    {
      id: 'a-1',
      fileName: '技术中心认定.pdf',
      purpose: 'C3',
      subject: 'nomination',
      size: 2048,
      uploadedBy: 'district-500112',
      uploadedByName: '李区县',
      uploadedAt: '2026-11-23T02:00:00Z',
    },
  ],
};
