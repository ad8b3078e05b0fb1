import type { EnterpriseDetail, HistoryEntry } from './types';

// Trimmed from the demo stack's answers for 重庆芯测 (supporting, one quarter reported).
export const CODE = '91500112000000001R';

export const ENTERPRISE: EnterpriseDetail = {
  creditCode: CODE,
  name: '重庆芯测半导体科技有限公司',
  district: '500112',
  cluster: 'T2',
  stage: 'supporting',
  stageSince: '2026-09-01T02:00:00.000Z',
  stateValue: { supporting: 'waiting' },
  lifecycleNo: 1,
  workflowId: `enterprise/${CODE}`,
  policyVersion: 1,
  nomination: { revenuePrevYear: 80_000_000 },
  nominatedBy: 'district-500112',
  screening: null,
  leadCluster: 'T2',
  commissioner: 'commissioner',
  districtLiaison: 'district-500112',
  openTasks: [
    {
      id: 'f60baf8b-f829-4a63-9519-9ebd4fbf0708',
      type: 'QUARTERLY_REPORT',
      label: { zh: '季度报告', en: 'Quarterly report' },
      creditCode: CODE,
      enterpriseName: '重庆芯测半导体科技有限公司',
      stage: 'supporting',
      candidateGroups: ['enterprise_user:enterprise:91500112000000001R'],
      assignee: null,
      dueAt: '2026-12-10T09:27:30.215Z',
      provisional: false,
      createdAt: '2026-11-25T09:27:30.215Z',
      status: 'open',
      overdue: true,
      quarter: '2026Q4',
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
    },
  ],
  diagnosis: { portrait: { management: { score: 3 }, promotion: { score: 2 } } },
  problems: [
    {
      id: 'b94cbd45-df4e-4f46-b554-133d331dc308',
      title: '流动资金紧张',
      category: 'policy_support',
      measures: '银企对接，申请科技贷款',
      target: '获得授信3000万元',
      ownerDepartment: 'finance',
      dueAt: '2027-03-31',
      status: 'escalated',
      special: null,
      whistleStatus: 'open',
      whistledAt: '2026-11-25T10:00:00.000Z',
    },
  ],
  membership: [{ from: '2026-11-25', to: null, reason: null, lifecycleNo: 1 }],
  baselineRevenue: 80_000_000,
  quarterlyReports: [
    {
      quarter: '2026Q3',
      revenue: 26_000_000,
      rdExpense: 2_100_000,
      headcount: 186,
      newClassOneIp: 1,
      financing: 0,
      listingProgress: 'none',
      submittedBy: 'ent-xince',
      submittedAt: '2026-11-25T09:27:30.413Z',
      doubling: { annualizedRevenue: 104_000_000, growth: 1.3, expected: 1, onTrack: true },
    },
  ],
  lifecycles: [
    {
      lifecycleNo: 1,
      startedAt: '2026-11-25T09:27:29.253Z',
      endedAt: null,
      finalStage: null,
      reason: null,
      nominatedBy: 'district-500112',
    },
  ],
  latestQuarter: '2026Q3',
  closing: null,
  updatedAt: '2026-11-25T09:27:30.413Z',
  doubling: null,
};

const NAMES: Record<string, string> = {
  'district-500112': '渝北区科技局王科长',
  'ent-xince': '芯测科技张经理',
};

const entry = (
  action: string,
  actor: string,
  zh: string,
  data: Record<string, unknown>,
  eventId: number,
) => ({
  at: '2026-11-25T09:27:29.814Z',
  actor,
  actorName: NAMES[actor] ?? actor,
  action,
  data,
  label: { zh, en: zh },
  lifecycleNo: 1,
  runId: 'run-1',
  eventId,
});

export const HISTORY: HistoryEntry[] = [
  entry('nominated', 'district-500112', '推荐入库（第 1 轮）', { lifecycleNo: 1 }, 1),
  entry(
    'task.completed',
    'district-500112',
    '区县反馈意见：同意',
    { taskType: 'DISTRICT_FEEDBACK', outcome: 'support', data: { opinion: '企业发展势头良好，同意推荐。' } },
    2,
  ),
  entry(
    'task.completed',
    'ent-xince',
    '季度报告：提交',
    {
      taskType: 'QUARTERLY_REPORT',
      outcome: 'submit',
      data: { quarter: '2026Q3', revenue: 26_000_000, listingProgress: 'preparing' },
    },
    4,
  ),
  entry('stage.changed', 'ent-xince', '进入「帮扶中」阶段', { from: 'diagnosis', to: 'supporting' }, 3),
];
