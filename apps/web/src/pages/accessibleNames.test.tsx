import { DEFAULT_POLICY } from '@hardtech/domain/policy';
import { ROLE_LABELS } from '@hardtech/domain/roles';
import { DEFAULT_SECURITY_POLICY } from '@hardtech/domain/security-policy';
import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../api/types';
import i18n from '../i18n';
import { openPage, USERS } from '../test/open-page';
import { chineseImages, englishNames } from '../test/accessible-names';
import { REFERENCE } from '../test/reference.fixture';
import { SAMPLE_USER } from './admin/users.fixture';
import { auditEvent } from './audit/audit.fixture';
import { KPI } from './dashboard/fixture';
import { CODE, ENTERPRISE, HISTORY, LIST_ITEM } from './enterprises/enterprise.fixture';
import STATECHART from './enterprises/statechart.fixture.json';
import { sampleProblem } from './ledger/problem.fixture';
import { sampleNotification } from './notifications/notification.fixture';
import { CASE_FILE, sampleTask, sampleTaskDetail } from './tasks/taskFixture';

/**
 * What a screen reader says of the controls and images of the main pages. antd's icons are images
 * named in English ("save", "down", "close-circle", "left"): a zh-CN page announced 保存为新版本 as
 * "save 保存为新版本" and its page arrows as "left" / "right" (components/icons.tsx, controlLabels.tsx).
 */

const SECURITY_ADMIN: Actor = {
  username: 'sec',
  role: 'security_admin',
  scope: {},
  displayName: '安全管理员',
};

/** A main page: its path, who opens it, its API answers, and a text it shows once loaded (zh / en). */
interface Page {
  path: string;
  user: Actor;
  routes: Record<string, unknown>;
  shows: [string, string];
}
const PAGES: Record<string, Page> = {
  inbox: {
    path: '/inbox?view=all',
    user: USERS.leader,
    // Two pages of tasks: the page arrows show.
    routes: { 'GET /views': [], 'GET /tasks': { items: [sampleTask({ overdue: true })], total: 45 } },
    shows: ['重庆示例科技有限公司', '重庆示例科技有限公司'],
  },
  task: {
    path: '/tasks/t-1',
    user: USERS.coordinator,
    routes: {
      'GET /tasks/t-1': sampleTaskDetail('SCREEN', {
        actions: { complete: true, claim: true, unclaim: false, delegate: true, urge: false, cc: false },
      }),
      'GET /attachments': [],
    },
    shows: ['渝硬科审〔2026〕128号', '渝硬科审〔2026〕128号'],
  },
  enterprise: {
    path: `/enterprises/${CODE}`,
    user: USERS.coordinator,
    routes: {
      [`GET /enterprises/${CODE}`]: ENTERPRISE,
      [`GET /enterprises/${CODE}/history`]: HISTORY,
      [`GET /enterprises/${CODE}/statechart`]: STATECHART,
      'GET /attachments': [],
    },
    shows: ['91500112000000001R', '91500112000000001R'],
  },
  ledger: {
    path: '/problems',
    user: USERS.coordinator,
    routes: {
      'GET /problems': {
        items: [sampleProblem('p1', { status: 'escalated' })],
        total: 1,
        page: 1,
        pageSize: 50,
      },
    },
    shows: ['关键设备进口受限', '关键设备进口受限'],
  },
  dashboard: {
    path: '/dashboard',
    user: USERS.leader,
    routes: { 'GET /reports/kpi': KPI },
    shows: ['在库企业', 'In the pool'],
  },
  notifications: {
    path: '/notifications',
    user: USERS.auditor,
    routes: {
      'GET /reference': { ...REFERENCE, taskTypes: { SCREEN: { zh: '市级筛选', en: 'City screening' } } },
      'GET /notifications': {
        items: [sampleNotification('n1', { taskId: 't-1' })],
        total: 45,
        unread: 1,
        page: 1,
        pageSize: 20,
      },
    },
    shows: ['筛选任务将于明天到期', 'Screening due tomorrow'],
  },
  policy: {
    path: '/admin/policy',
    user: USERS.admin,
    routes: {
      'GET /admin/policy': { ...DEFAULT_POLICY, version: 3 },
      'GET /admin/policy/versions': [],
      'GET /admin/schedules': [],
    },
    shows: ['保存为新版本', 'Save as a new version'],
  },
  users: {
    path: '/admin/users',
    user: USERS.admin,
    routes: { 'GET /users': { items: [SAMPLE_USER], total: 1, page: 1, pageSize: 20 } },
    shows: ['渝北区经信委', '渝北区经信委'],
  },
  enterpriseList: {
    path: '/enterprises',
    user: USERS.coordinator,
    // Three pages: the page arrows show.
    routes: { 'GET /enterprises': { items: [LIST_ITEM], total: 45 } },
    shows: ['重庆芯测半导体科技有限公司', '重庆芯测半导体科技有限公司'],
  },
  enterpriseHome: {
    path: '/dashboard',
    user: USERS.enterprise,
    routes: { [`GET /enterprises/${CODE}`]: ENTERPRISE, 'GET /reports/kpi': KPI },
    shows: ['重庆芯测半导体科技有限公司', '重庆芯测半导体科技有限公司'],
  },
  caseFile: {
    path: '/tasks/t-1',
    user: USERS.coordinator,
    routes: {
      'GET /tasks/t-1': sampleTaskDetail('SCREEN', { caseFile: CASE_FILE }),
      'GET /attachments': [],
    },
    shows: ['技术中心认定.pdf', '技术中心认定.pdf'],
  },
  nomination: {
    path: '/nominations/new',
    user: USERS.coordinator,
    routes: { 'GET /admin/policy': { version: 3, evidenceRequired: true } },
    shows: ['统一社会信用代码', 'Unified social credit code'],
  },
  audit: {
    path: '/audit',
    user: USERS.auditor,
    // More pages than seven: the pager's jumps (向后 5 页) show.
    routes: { 'GET /audit': { items: [auditEvent(1)], total: 1200, page: 1, pageSize: 50 } },
    shows: ['重庆芯测半导体科技有限公司', '重庆芯测半导体科技有限公司'],
  },
  calendar: {
    path: '/admin/calendar',
    user: USERS.admin,
    routes: {
      // A day of this month, where the page opens.
      'GET /admin/calendar': {
        year: dayjs().year(),
        days: [
          { date: dayjs().date(10).format('YYYY-MM-DD'), kind: 'holiday', name: '国庆节', source: 'package' },
        ],
      },
    },
    shows: ['国庆节', '国庆节'],
  },
  clusters: {
    path: '/admin/clusters',
    user: USERS.admin,
    routes: {},
    shows: ['功率半导体', 'Power semiconductors'],
  },
  security: {
    path: '/security',
    user: SECURITY_ADMIN,
    routes: {
      'GET /reference': { ...REFERENCE, roles: ROLE_LABELS },
      'GET /security/policy': DEFAULT_SECURITY_POLICY,
      'GET /security/sessions': { items: [], total: 0, page: 1, pageSize: 20 },
      'GET /security/lockouts': { items: [] },
    },
    shows: ['安全策略', 'Security policy'],
  },
};

async function open(name: string, language: 'zh' | 'en') {
  const page = PAGES[name];
  openPage(page.path, page.user, page.routes);
  const text = page.shows[language === 'zh' ? 0 : 1];
  await waitFor(() => expect(document.querySelector('.ant-layout-content')).toHaveTextContent(text));
  // Nothing still loading: a spinner's content comes later.
  await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull());
}

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('accessible names in zh-CN', () => {
  for (const name of Object.keys(PAGES))
    it(`names no control or image of the ${name} page in English`, async () => {
      await open(name, 'zh');
      expect(englishNames()).toEqual([]);
      // Input.Search's button, named by its icon alone ("search"), is 查询.
      if (name === 'security') expect(screen.getByRole('button', { name: '查询' })).toBeInTheDocument();
    });

  it('names the icon-only controls in Chinese: page arrows, the search button, the menu’s fold', async () => {
    await open('inbox', 'zh');
    expect(screen.getByRole('button', { name: '下一页' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一页' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '收起菜单' })).toBeInTheDocument();
  });
});

describe('accessible names in English', () => {
  for (const name of ['inbox', 'policy', 'security'])
    it(`names no icon of the ${name} page in Chinese`, async () => {
      await i18n.changeLanguage('en');
      await open(name, 'en');
      expect(chineseImages()).toEqual([]);
      expect(screen.getByRole('img', { name: 'Collapse menu' })).toBeInTheDocument();
      if (name === 'inbox') expect(screen.getByRole('button', { name: 'Next page' })).toBeInTheDocument();
      if (name === 'security') expect(screen.getByRole('button', { name: 'Search' })).toBeInTheDocument();
    });
});
