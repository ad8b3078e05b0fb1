import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastUser, openPage } from '../../test/open-page';
import type { Actor } from '../../api/types';
import i18n from '../../i18n';

// Officers read times in Chongqing; the API sends them in UTC.
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});

const FINANCE = {
  username: 'fin',
  role: 'finance_officer',
  scope: { department: 'finance' },
  displayName: '金融处',
} as const;
const row = (id: string, enterpriseName: string) => ({
  id,
  title: '流动资金紧张',
  category: 'policy_support',
  measures: '银企对接',
  target: '获得授信',
  ownerDepartment: 'finance',
  dueAt: '2099-12-31',
  status: 'in_progress',
  special: null,
  whistleStatus: null,
  whistledAt: null,
  creditCode: `9150000000000000${id}`,
  enterpriseName,
  enterpriseStage: 'supporting',
  district: '500112',
  cluster: 'T2',
  updatedAt: '2026-12-06T12:05:00Z',
  workKinds: ['progress', 'close_request', 'extend'],
});

describe('a problem opened from the ledger', () => {
  it('names its enterprise, as problems repeat across enterprises, and dates its progress in local time', async () => {
    // GET /problems/:id does not name the enterprise; the ledger's row does.
    const { enterpriseName: _, ...facts } = row('p2', '重庆芯测半导体科技有限公司');
    const detail = {
      ...facts,
      handling: null,
      // 20:05 in Chongqing.
      progress: [{ at: '2026-12-06T12:05:00Z', actor: 'fin', actorName: '金融处', note: '已对接银行' }],
      closeSummary: null,
      extension: null,
    };
    openPage('/problems', FINANCE, {
      'GET /problems': {
        items: [row('p1', '重庆星联通信技术有限公司'), row('p2', '重庆芯测半导体科技有限公司')],
        total: 2,
        page: 1,
        pageSize: 50,
      },
      'GET /problems/p2': detail,
    });
    const table = await screen.findByTestId('ledger-table');
    // The rows come with the ledger's answer, after the table itself.
    const mine = await waitFor(() => {
      const found = within(table)
        .getAllByRole('row')
        .find((r) => r.textContent?.includes('重庆芯测半导体科技有限公司'));
      expect(found).toBeDefined();
      return found!;
    });
    await fastUser().click(within(mine).getByTestId('open-problem'));
    const drawer = await screen.findByTestId('problem-drawer');
    expect(await within(drawer).findByTestId('problem-timeline')).toHaveTextContent(
      '2026-12-06 20:05 金融处',
    );
    const title = drawer.querySelector('.ant-drawer-title') as HTMLElement;
    expect(title).toHaveTextContent('流动资金紧张');
    expect(title).toHaveTextContent('重庆芯测半导体科技有限公司');
    // The target under the policy's name (明确目标任务), as the ledger's column and the forms name it.
    const shownFacts = within(drawer).getByTestId('problem-facts');
    expect(within(shownFacts).getByText('目标任务')).toBeInTheDocument();
    expect(shownFacts).not.toHaveTextContent(/化解目标/);
  }, 20_000);

  it("shows a graduated enterprise's problem read-only, saying why, instead of work that would fail", async () => {
    // Past due, but overdue for nobody: its due date reads without 已逾期 (docs/design.md 2.3).
    const graduated = {
      ...row('p3', '重庆星联通信技术有限公司'),
      enterpriseStage: 'graduated',
      dueAt: '2024-01-31',
      workKinds: [],
    };
    const { enterpriseName: _, ...facts } = graduated;
    openPage('/problems', FINANCE, {
      'GET /problems': { items: [graduated], total: 1, page: 1, pageSize: 50 },
      'GET /problems/p3': { ...facts, handling: null, progress: [], closeSummary: null, extension: null },
    });
    const table = await screen.findByTestId('ledger-table');
    expect(await within(table).findByTestId('work-ended')).toHaveTextContent('企业已毕业');
    // Its status as the ledger's filter and the dashboard count it, not 待化解 (the walk).
    expect(within(table).getByTestId('ledger-status')).toHaveTextContent('帮扶已结束');
    expect(table).toHaveTextContent('2024-01-31');
    expect(within(table).queryByTestId('overdue')).toBeNull();
    // Its row offers 查看, as the enterprise's rows do, not 办理 for work the drawer then refuses.
    expect(within(table).getByTestId('open-problem')).toHaveTextContent(/^查\s*看$/);
    await fastUser().click(within(table).getByTestId('open-problem'));
    const drawer = await screen.findByTestId('problem-drawer');
    expect(await within(drawer).findByTestId('work-ended')).toHaveTextContent(
      '该企业已毕业，已移出帮扶库，台账问题不再办理',
    );
    expect(within(drawer).queryByTestId('problem-actions')).toBeNull();
    expect(within(drawer).queryByTestId('work-progress')).toBeNull();
    expect(await within(drawer).findByTestId('problem-status')).toHaveTextContent('帮扶已结束');
  }, 20_000);

  /** The ledger with one whistled problem, its drawer opened, as `user` sees it. */
  async function openWhistled(
    user: Actor,
    whistleStatus: 'open' | 'answered',
    answer: unknown,
    status = 'in_progress',
  ) {
    const whistled = {
      ...row('p4', '重庆星联通信技术有限公司'),
      status,
      whistleStatus,
      whistledAt: '2026-12-01T02:00:00Z',
      ...(user.role === 'enterprise_user' ? { workKinds: [] } : {}),
    };
    const { enterpriseName: _, ...facts } = whistled;
    const whistle = {
      title: '授信迟迟未落实',
      description: '三个月无进展',
      at: '2026-12-01T02:00:00Z',
      answer,
    };
    openPage('/problems', user, {
      'GET /problems': { items: [whistled], total: 1, page: 1, pageSize: 50 },
      'GET /problems/p4': {
        ...facts,
        handling: null,
        progress: [],
        closeSummary: null,
        extension: null,
        whistle,
      },
    });
    const table = await screen.findByTestId('ledger-table');
    await fastUser().click(await within(table).findByTestId('open-problem'));
    return screen.findByTestId('problem-drawer');
  }

  it('shows the enterprise the department’s reply to its whistle, by department and when', async () => {
    const enterprise: Actor = { username: 'ent', role: 'enterprise_user', scope: {}, displayName: '企业' };
    const drawer = await openWhistled(enterprise, 'answered', {
      response: '已协调工商银行，下周放款',
      resolved: false,
      department: 'finance',
      at: '2026-12-03T02:30:00Z', // 10:30 in Chongqing
    });
    const answer = await within(drawer).findByTestId('whistle-answer');
    expect(answer).toHaveTextContent('已协调工商银行，下周放款');
    expect(within(answer).getByText('化解中')).toBeInTheDocument(); // the status's word (IN_PROGRESS_LABEL)
    expect(answer).toHaveTextContent('产业金融处 · 2026-12-03 10:30');
    expect(within(drawer).getByText('部门答复')).toBeInTheDocument();
  }, 20_000);

  it('says a reply that says resolved awaits the 销号 review until the coordinators close the problem out', async () => {
    const enterprise: Actor = { username: 'ent', role: 'enterprise_user', scope: {}, displayName: '企业' };
    const answer = {
      response: '已列入推介名单',
      resolved: true,
      department: 'sme',
      at: '2026-12-03T02:30:00Z',
    };
    const drawer = await openWhistled(enterprise, 'answered', answer, 'closing');
    const shown = await within(drawer).findByTestId('whistle-answer');
    expect(shown).toHaveTextContent('问题已解决，待审核销号');
    expect(drawer).toHaveTextContent('销号审核中');
  }, 20_000);

  it('says a reply is awaited while the whistle is open', async () => {
    const drawer = await openWhistled(FINANCE, 'open', null);
    expect(await within(drawer).findByTestId('whistle-waiting')).toHaveTextContent('等待产业金融处答复');
    expect(within(drawer).queryByTestId('whistle-answer')).toBeNull();
  }, 20_000);

  it('offers the coordinators what the server does: the handling of a finance problem, all the work of their own', async () => {
    const coordinator: Actor = { username: 'kjc', role: 'city_coordinator', scope: {} };
    const finance = { ...row('p5', '重庆星联通信技术有限公司'), workKinds: ['handling'] };
    const tech = {
      ...row('p6', '重庆芯测半导体科技有限公司'),
      ownerDepartment: 'tech',
      workKinds: ['progress', 'close_request', 'extend', 'handling'],
    };
    const detail = ({ enterpriseName: _, ...facts }: typeof finance) => ({
      ...facts,
      handling: null,
      progress: [],
      closeSummary: null,
      extension: null,
    });
    openPage('/problems', coordinator, {
      'GET /problems': { items: [finance, tech], total: 2, page: 1, pageSize: 50 },
      'GET /problems/p5': detail(finance),
      'GET /problems/p6': detail(tech),
    });
    const table = await screen.findByTestId('ledger-table');
    const [first, second] = await within(table).findAllByTestId('open-problem');
    await fastUser().click(first);
    const actions = await within(await screen.findByTestId('problem-drawer')).findByTestId('problem-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.dataset.testid),
    ).toEqual(['work-handling']);
    await fastUser().click(second);
    await waitFor(() =>
      expect(
        within(screen.getByTestId('problem-actions'))
          .getAllByRole('button')
          .map((b) => b.dataset.testid),
      ).toEqual(['work-progress', 'work-close_request', 'work-extend', 'work-handling']),
    );
  }, 20_000);

  it('offers a resolved problem 查看 only, saying it takes no further work, in Chinese and English', async () => {
    const coordinator: Actor = { username: 'kjc', role: 'city_coordinator', scope: {} };
    // The server offers no work on it (problemWorkKinds): not even the coordinators' 一企一策.
    const resolved = {
      ...row('p7', '重庆星联通信技术有限公司'),
      status: 'resolved',
      special: 'one_enterprise_one_policy',
      workKinds: [],
    };
    const { enterpriseName: _, ...facts } = resolved;
    openPage('/problems', coordinator, {
      'GET /problems': { items: [resolved], total: 1, page: 1, pageSize: 50 },
      'GET /problems/p7': {
        ...facts,
        handling: 'one_enterprise_one_policy',
        progress: [],
        closeSummary: '已获授信',
        extension: null,
      },
    });
    const table = await screen.findByTestId('ledger-table');
    const open = await within(table).findByTestId('open-problem');
    expect(open).toHaveTextContent(/^查\s*看$/);
    await fastUser().click(open);
    const drawer = await screen.findByTestId('problem-drawer');
    expect(await within(drawer).findByTestId('work-resolved')).toHaveTextContent('已销号，不再办理');
    expect(within(drawer).queryByTestId('problem-actions')).toBeNull();
    expect(within(drawer).queryByTestId('clear-handling')).toBeNull();
    expect(within(drawer).queryByTestId('worked-by')).toBeNull();
    await act(() => i18n.changeLanguage('en'));
    try {
      expect(within(drawer).getByTestId('work-resolved')).toHaveTextContent('Resolved — no further work');
    } finally {
      await act(() => i18n.changeLanguage('zh-CN'));
    }
  }, 20_000);
});
