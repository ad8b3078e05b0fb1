import type { EnterpriseDetail, HistoryEntry } from './types';

// Trimmed from the demo stack's answers for 重庆芯测 (supporting, one quarter reported).
export const CODE = '91500112000000001R';

export const ENTERPRISE: EnterpriseDetail = {
  creditCode: CODE,
  name: '重庆芯测半导体科技有限公司',
  district: '500112',
  cluster: 'T2',
  stage: 'supporting',
  stateValue: { supporting: 'waiting' },
  lifecycleNo: 1,
  policyVersion: 1,
  nomination: { revenuePrevYear: 80_000_000 },
  nominatedBy: 'district-500112',
  leadCluster: 'T2',
  commissioner: 'commissioner',
  districtLiaison: 'district-500112',
  openTasks: [
    {
      id: 'f60baf8b-f829-4a63-9519-9ebd4fbf0708',
      type: 'QUARTERLY_REPORT',
      label: { zh: '季度报告', en: 'Quarterly report' },
      stage: 'supporting',
      candidateGroups: ['enterprise_user:enterprise:91500112000000001R'],
      assignee: null,
      dueAt: '2026-12-10T09:27:30.215Z',
      overdue: true,
      quarter: '2026Q4',
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
  doubling: null,
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
  entry('stage.changed', 'ent-xince', '进入「帮扶中」阶段', { from: 'diagnosis', to: 'supporting' }, 3),
];
