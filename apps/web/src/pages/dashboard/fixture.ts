import type { Kpi } from './kpi';

const label = (zh: string, en: string) => ({ zh, en });

/** A KPI answer shaped like the API's, with figures a test can find on the page. */
export const KPI: Kpi = {
  year: 2026,
  asOf: '2026-11-25',
  cluster: null,
  poolSize: 37,
  poolCapacity: 120,
  poolOverTime: [
    { month: '2026-09', members: 30 },
    { month: '2026-10', members: 35 },
    { month: '2026-11', members: 37 },
  ],
  admittedThisYear: 23,
  annualTarget: 50,
  targetProgress: 0.46,
  city: null,
  admittedByYear: [
    { year: 2025, admitted: 52, target: 50 },
    { year: 2026, admitted: 23, target: 50 },
  ],
  stages: [
    { key: 'screening', label: label('市级筛选', 'City screening'), n: 5 },
    { key: 'diagnosis', label: label('成长诊断', 'Growth diagnosis'), n: 2 },
    { key: 'supporting', label: label('帮扶中', 'Supporting'), n: 35 },
    { key: 'graduated', label: label('已毕业', 'Graduated'), n: 0 },
  ],
  revenueDoubling: {
    members: 37,
    reporting: 20,
    onTrack: 13,
    doubled: 4,
    averageGrowth: 1.4,
    cohorts: [
      { cohort: 2025, members: 14, reporting: 12, onTrack: 8, doubled: 4, averageGrowth: 1.7 },
      { cohort: 2026, members: 23, reporting: 8, onTrack: 5, doubled: 0, averageGrowth: 1.1 },
    ],
  },
  problems: {
    total: 9,
    overdue: 2,
    byCategory: [{ key: 'market_common', label: label('市场共性问题', 'Market-common'), n: 9 }],
    byStatus: [{ key: 'open', label: label('待化解', 'Open'), n: 9 }],
    byOwner: [{ key: 'sme', label: label('中小企业处', 'SME division'), n: 9, overdue: 2 }],
  },
  overdueTasks: {
    total: 6,
    byDepartment: [
      { key: 'district', label: label('区县经信部门', 'District department'), n: 4 },
      { key: 'enterprise', label: label('企业', 'Enterprise'), n: 2 },
    ],
    byDistrict: [{ key: '500112', label: label('渝北区', 'Yubei'), n: 6 }],
    items: [
      {
        taskId: '7f1c2d3e-0000-4000-8000-000000000001',
        creditCode: '91500112MA5U000001',
        enterpriseName: '重庆芯测科技有限公司',
        district: '500112',
        districtLabel: label('渝北区', 'Yubei'),
        taskType: 'DISTRICT_FEEDBACK',
        taskLabel: label('区县反馈意见', 'District feedback'),
        department: 'district',
        departmentLabel: label('区县经信部门', 'District department'),
        assignee: 'yubei',
        assigneeName: '赵六',
        dueAt: new Date(Date.now() - (3 * 24 + 2) * 3_600_000).toISOString(),
        overdueDays: 3,
      },
      {
        taskId: '7f1c2d3e-0000-4000-8000-000000000002',
        creditCode: '91500112MA5U000002',
        enterpriseName: '重庆光启智能有限公司',
        district: '500112',
        districtLabel: label('渝北区', 'Yubei'),
        taskType: 'QUARTERLY_REPORT',
        taskLabel: label('季度报告', 'Quarterly report'),
        department: 'enterprise',
        departmentLabel: label('企业', 'Enterprise'),
        assignee: null,
        assigneeName: null,
        dueAt: new Date(Date.now() - 5 * 3_600_000 - 600_000).toISOString(),
        overdueDays: 0,
      },
    ],
  },
  endings: {
    graduated: 3,
    exited: 1,
    rejected: 2,
    byReason: [
      {
        stage: 'graduated',
        stageLabel: label('已毕业', 'Graduated'),
        reason: 'doubled',
        reasonLabel: label('营收已倍增', 'Doubled'),
        n: 3,
      },
      { stage: 'exited', stageLabel: label('已退出', 'Exited'), reason: null, reasonLabel: null, n: 1 },
    ],
  },
};
