import {
  Actor,
  creditCodeFor,
  DIAGNOSIS_DIMENSIONS,
  endOfCalendarDays,
  Nomination,
  Role,
  sampleNomination,
  Scope,
  TaskType,
} from '@hardtech/domain';

/** Demo users of docs/api.md, all with password demo123456 (demo mode only). */
export const DEMO_PASSWORD = 'demo123456';
/** The bootstrap administrator's password in demo mode (README, docs/api.md). */
export const DEMO_ADMIN_PASSWORD = 'admin123456';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

/** Where each sample enterprise is brought to, so every stage can be seen at once. */
export type DemoStage =
  | 'screening'
  | 'supplement'
  | 'feedback'
  | 'admission'
  | 'diagnosis'
  | 'supporting'
  | 'graduated'
  | 'rejected';

export interface DemoEnterprise {
  nomination: Nomination;
  user: string;
  stage: DemoStage;
  /**
   * The open task of this type it is left at shows `days` days past due: overdue work for the
   * leader to 催办 (a fresh seed has none otherwise, every deadline counting from the seed's run).
   */
  overdue?: { type: TaskType; days: number };
}

const DAY_MS = 86_400_000;

/**
 * How far back an open task due at `dueAt` is moved so that at `now` it is `days` days past due
 * (已超期 3 天): due at the end of a Shanghai day, as a calendar-day SLA makes it, `days` whole days
 * before today. Its creation and reminders move with it, so it keeps the length its SLA gave it.
 */
export function backdateBy(dueAt: Date, now: Date, days: number): number {
  const todayEnds = endOfCalendarDays(now, 'P0D')!.getTime();
  return dueAt.getTime() - (todayEnds - (days + 1) * DAY_MS - 1);
}

/**
 * A sample enterprise's nomination, with a contact of its own: sampleNomination's 张三 was every
 * enterprise's 联系人, on each enterprise page and 一企一档. Made-up phones, one per enterprise.
 */
const ent = (
  n: number,
  name: string,
  district: string,
  cluster: string,
  contact: string,
  over: Partial<Nomination> = {},
): Nomination =>
  sampleNomination({
    creditCode: creditCodeFor(n, '91500112'),
    name,
    district,
    cluster,
    contact: { name: contact, phone: `138000000${String(n).padStart(2, '0')}` },
    ...over,
  });

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    nomination: ent(1, '重庆芯测半导体科技有限公司', '500112', 'T2', '蒋文博'),
    user: 'ent-xince',
    stage: 'supporting',
  },
  {
    nomination: ent(2, '重庆精锐智能装备有限公司', '500112', 'P1', '谢志刚'),
    user: 'ent-jingrui',
    stage: 'screening',
  },
  {
    nomination: ent(3, '重庆新材研究院科技有限公司', '500112', 'T3', '罗晓燕', {
      rdExpensePrevYear: 3_000_000,
    }),
    user: 'ent-xincai',
    stage: 'supplement',
  },
  {
    nomination: ent(4, '重庆云图软件有限公司', '500112', 'T2', '彭浩'),
    user: 'ent-yuntu',
    stage: 'feedback',
  },
  {
    nomination: ent(5, '重庆绿能储能科技有限公司', '500112', 'F6', '曾凡'),
    user: 'ent-lvneng',
    stage: 'admission',
  },
  {
    nomination: ent(6, '重庆康源生物医药有限公司', '500112', 'T2', '袁梅'),
    user: 'ent-kangyuan',
    stage: 'diagnosis',
  },
  {
    nomination: ent(7, '重庆星联通信技术有限公司', '500112', 'T2', '许晨'),
    user: 'ent-xinglian',
    stage: 'graduated',
  },
  {
    nomination: ent(8, '重庆宏达机械制造有限公司', '500107', 'P1', '韩国庆', { listed: true }),
    user: 'ent-hongda',
    stage: 'rejected',
  },
  {
    nomination: ent(9, '重庆智感传感技术有限公司', '500112', 'T1', '曹宇'),
    user: 'ent-zhigan',
    stage: 'feedback',
    overdue: { type: 'DISTRICT_FEEDBACK', days: 3 },
  },
];

/** Names of the second officer of each role and scope, by the username of the first. */
const COLLEAGUES: Record<string, [username: string, displayName: string]> = {
  coordinator: ['coordinator-2', '科技处 刘洋'],
  'industry-t2': ['industry-t2-b', '电子信息处 何俊'],
  'industry-p1': ['industry-p1-b', '装备工业处 邓伟'],
  'district-500112': ['district-500112-b', '渝北区经信委 钱丽'],
  commissioner: ['commissioner-2', '企业服务专员 黄磊'],
  'sme-officer': ['sme-officer-2', '中小企业处 林雪'],
  'finance-officer': ['finance-officer-2', '产业金融处 郭峰'],
};

const DEMO_OFFICERS: DemoUser[] = [
  { username: 'coordinator', displayName: '科技处 李明', role: 'city_coordinator', scope: {} },
  {
    username: 'industry-t2',
    displayName: '电子信息处 王芳',
    role: 'industry_officer',
    scope: { clusters: ['T2'] },
  },
  // 装备工业处, the industry division of P1 (智能装备及智能制造): 重庆精锐 and 重庆宏达 are of P1, and
  // without it no officer of their own cluster could work their steps or be asked to 加签.
  {
    username: 'industry-p1',
    displayName: '装备工业处 唐亮',
    role: 'industry_officer',
    scope: { clusters: ['P1'] },
  },
  {
    username: 'district-500112',
    displayName: '渝北区经信委 赵强',
    role: 'district_officer',
    scope: { districts: ['500112'] },
  },
  { username: 'commissioner', displayName: '企业服务专员 陈静', role: 'commissioner', scope: {} },
  {
    username: 'sme-officer',
    displayName: '中小企业处 周涛',
    role: 'sme_officer',
    scope: { department: 'sme' },
  },
  {
    username: 'finance-officer',
    displayName: '产业金融处 吴敏',
    role: 'finance_officer',
    scope: { department: 'finance' },
  },
];

export const DEMO_USERS: DemoUser[] = [
  ...DEMO_OFFICERS,
  // A colleague of each officer, of the same role and scope, whom 委托代理 may name: without them
  // the proxy picker of every demo officer was empty.
  ...DEMO_OFFICERS.map((officer) => {
    const [username, displayName] = COLLEAGUES[officer.username];
    return { ...officer, username, displayName };
  }),
  { username: 'auditor', displayName: '审计 孙磊', role: 'auditor', scope: {} },
  { username: 'leader', displayName: '委领导 郑华', role: 'leader', scope: {} },
  // 三员: the demo's system administrator is the bootstrap `admin`; these are the other two.
  { username: 'security-admin', displayName: '安全管理员 冯涛', role: 'security_admin', scope: {} },
  { username: 'audit-admin', displayName: '安全审计员 杨帆', role: 'audit_admin', scope: {} },
  ...DEMO_ENTERPRISES.map((e) => ({
    username: e.user,
    // The account is the enterprise's contact (联系人), named as the enterprise page names them.
    displayName: `${e.nomination.name} ${e.nomination.contact.name}`,
    role: 'enterprise_user' as const,
    scope: { creditCodes: [e.nomination.creditCode] },
  })),
];

/**
 * The ledger problems the commissioner's diagnosis of a member raises: one for the industry division,
 * the finance division (产业金融处) and the SME division (中小企业处) each, so that a demo of every
 * department officer has a problem of its own to work on.
 */
export const DEMO_PROBLEMS = [
  {
    title: '研发中试平台不足',
    category: 'enterprise_specific',
    measures: '对接市级中试基地',
    target: '年内完成中试',
    ownerDepartment: 'industry',
    dueAt: '2027-06-30',
  },
  {
    title: '流动资金紧张',
    category: 'policy_support',
    measures: '银企对接，申请科技贷款',
    target: '获得授信3000万元',
    ownerDepartment: 'finance',
    dueAt: '2027-03-31',
    special: 'one_enterprise_one_policy',
  },
  {
    title: '国产测试设备市场开拓难',
    category: 'market_common',
    measures: '纳入中小企业产需对接活动，向本地整机和封测企业推介',
    target: '年内新增3家本地客户',
    ownerDepartment: 'sme',
    dueAt: '2027-04-30',
  },
] as const;

/**
 * 企业吹哨 by the member in support on its SME-division problem: the 中小企业处's 部门报到 task, so
 * that the SME officer's inbox has something to answer.
 */
export const DEMO_WHISTLE = {
  ownerDepartment: 'sme',
  title: '产需对接活动迟迟未安排',
  description: '诊断时约定推荐参加产需对接会，至今未收到活动通知，新产品推广受阻，请中小企业处协调。',
} as const;

export const DEMO_PORTRAIT = Object.fromEntries(
  DIAGNOSIS_DIMENSIONS.map((d, i) => [d.value, { score: 2 + (i % 4), note: `${d.label.zh}：初步诊断` }]),
);

export function demoActor(username: string): Actor {
  const u = DEMO_USERS.find((x) => x.username === username)!;
  return { username: u.username, role: u.role, scope: u.scope, displayName: u.displayName };
}

/**
 * A demo account: one of the seeded users, or any account holding a published demo password.
 * Production refuses them at login (issue 20.7): a database seeded in demo mode and later served
 * in production must not open with passwords printed in the README.
 */
export function isDemoLogin(username: string, password: string): boolean {
  return (
    DEMO_USERS.some((u) => u.username === username) ||
    password === DEMO_PASSWORD ||
    password === DEMO_ADMIN_PASSWORD
  );
}
