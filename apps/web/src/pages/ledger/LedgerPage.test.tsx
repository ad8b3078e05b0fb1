import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../api/types';
import { TABLE_WIDTH_AT_1366 } from '../../components/tableWidth';
import i18n from '../../i18n';
import { atWidth, fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleProblem as problem } from './problem.fixture';
import { resizeWindow } from '../../test/media';

const userEvent = fastUser();

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

/** 中小企业处 or 产业金融处, as the demo signs them in. */
const departmentOfficer = (department: 'sme' | 'finance'): Actor => ({
  username: `${department}-officer`,
  role: `${department}_officer`,
  scope: { department },
});

const LEDGER = {
  items: [
    problem('p1', {}),
    problem('p2', { title: '融资难', status: 'escalated', dueAt: '2024-01-31', ownerDepartment: 'finance' }),
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};

describe('problem ledger', () => {
  it('shows each problem with its enterprise, labels, escalation and overdue marks', async () => {
    openPage('/problems', USERS.coordinator, { 'GET /problems': LEDGER });
    const table = await screen.findByTestId('ledger-table');
    await within(table).findByText('融资难');
    const rows = within(table).getAllByRole('row');
    const escalated = rows.find((r) => r.textContent?.includes('融资难'))!;
    expect(escalated).toHaveTextContent('产业金融处');
    expect(within(escalated).getByTestId('escalated')).toHaveTextContent('已升级');
    expect(within(escalated).getByTestId('overdue')).toHaveTextContent('2024-01-31 已逾期');
    // The target under the policy's name (明确目标任务), as the drawer, the forms and the .xlsx name it.
    expect(within(table).getByRole('columnheader', { name: '目标任务' })).toBeInTheDocument();
    const open = rows.find((r) => r.textContent?.includes('关键设备进口受限'))!;
    expect(open).toHaveTextContent('市场共性问题');
    expect(open).toHaveTextContent('化解中');
    expect(within(open).queryByTestId('overdue')).toBeNull();
    expect(within(open).getByRole('link', { name: '重庆芯测科技有限公司' })).toHaveAttribute(
      'href',
      '/enterprises/91500000MA5U7DXX1F',
    );
  });

  it('tags a whistled problem 企业吹哨 before and after the department’s answer (部门报到), both languages', async () => {
    // The row dropped 企业吹哨 once answered while the enterprise's page said 吹哨已报到.
    openPage('/problems', USERS.coordinator, {
      'GET /problems': {
        ...LEDGER,
        items: [
          problem('p1', { title: '待报到问题', whistleStatus: 'open', whistledAt: '2026-11-25T10:00:00Z' }),
          problem('p2', {
            title: '已报到问题',
            whistleStatus: 'answered',
            whistledAt: '2026-11-20T10:00:00Z',
          }),
          problem('p3', { title: '未吹哨问题' }),
        ],
      },
    });
    const table = await screen.findByTestId('ledger-table');
    const row = async (title: string) => (await within(table).findByText(title)).closest('tr') as HTMLElement;
    expect(within(await row('待报到问题')).getByTestId('whistle')).toHaveTextContent('企业吹哨·待报到');
    expect(within(await row('已报到问题')).getByTestId('whistle')).toHaveTextContent('企业吹哨·已报到');
    expect(within(await row('未吹哨问题')).queryByTestId('whistle')).toBeNull();
    await act(() => i18n.changeLanguage('en'));
    expect(within(await row('已报到问题')).getByTestId('whistle')).toHaveTextContent('Whistle · answered');
    expect(within(await row('待报到问题')).getByTestId('whistle')).toHaveTextContent(
      'Whistle · awaiting response',
    );
    // It wraps inside the 130 px status column: at 1440 px it ran into 完成时限 (ui-walk-10).
    expect(within(await row('待报到问题')).getByTestId('whistle')).toHaveStyle({
      whiteSpace: 'normal',
      maxWidth: '100%',
    });
  });

  it('keeps 办理 in sight when the columns scroll sideways, which they do only below 1366 px', async () => {
    openPage('/problems', USERS.coordinator, { 'GET /problems': LEDGER });
    const table = await screen.findByTestId('ledger-table', {}, { timeout: 30_000 });
    const [details] = await within(table).findAllByTestId('open-problem');
    expect(details.closest('td')).toHaveClass('ant-table-cell-fix-end');
    expect(parseInt(details.closest('table')!.style.width, 10)).toBeLessThanOrEqual(TABLE_WIDTH_AT_1366);
    // 目标任务 wraps: cut with … it hid behind 办理.
    const target = within(table).getAllByText('半年内完成替代')[0].closest('td')!;
    expect(target).not.toHaveClass('ant-table-cell-ellipsis');
  });

  it('gives 责任部门 150 px and two lines at most, a long division’s whole name in its tooltip (English at 1440 px)', async () => {
    // At 110 px, "Industry division (New-Generation Electronic Information Manufacturing)" took five lines.
    await i18n.changeLanguage('en');
    const division = 'Industry division (New-Generation Electronic Information Manufacturing)';
    openPage('/problems', USERS.coordinator, {
      'GET /problems': {
        ...LEDGER,
        items: [
          problem('p1', {
            ownerDepartment: 'industry',
            leadDivision: { zh: '行业处室（新一代电子信息制造业）', en: division },
          }),
          problem('p2', { title: '融资难', ownerDepartment: 'finance' }),
        ],
      },
    });
    const table = await screen.findByTestId('ledger-table', {}, { timeout: 30_000 });
    const [industry, finance] = await within(table).findAllByTestId('ledger-owner');
    expect(industry).toHaveTextContent(division);
    expect(finance).toHaveTextContent('Industrial finance division');
    for (const owner of [industry, finance]) {
      expect(owner).toHaveClass('ant-typography-ellipsis', 'ant-typography-ellipsis-multiple-line');
      expect(owner.style.getPropertyValue('-webkit-line-clamp')).toBe('2');
    }
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    const widths = [...table.querySelectorAll('colgroup col')].map((c) =>
      parseInt((c as HTMLElement).style.width, 10),
    );
    expect(widths[headers.indexOf('Owner department')]).toBe(150);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TABLE_WIDTH_AT_1366);
  });

  it('offers 查看 on a problem closed out (已销号), whose drawer holds no work, and 办理 on an open one', async () => {
    // The walk's commissioner read 办理 on a 已销号 row and found nothing to do behind it.
    const commissioner: Actor = { username: 'zhuanyuan', role: 'commissioner', scope: {} };
    openPage('/problems', commissioner, {
      'GET /problems': {
        ...LEDGER,
        items: [problem('p1', {}), problem('p3', { title: '已化解', status: 'resolved', workKinds: [] })],
      },
    });
    const table = await screen.findByTestId('ledger-table');
    const row = async (title: string) => (await within(table).findByText(title)).closest('tr') as HTMLElement;
    expect(within(await row('已化解')).getByTestId('open-problem')).toHaveTextContent(/^查\s*看$/);
    expect(within(await row('关键设备进口受限')).getByTestId('open-problem')).toHaveTextContent(/^办\s*理$/);
  });

  it('offers a district officer 办理 only on the problems the server lets it work, 查看 and whose they are on the others', async () => {
    // The walk's district officer opened 办理 on a finance problem and was refused (403) on submitting.
    const district: Actor = {
      username: 'yubei',
      role: 'district_officer',
      scope: { districts: ['500112'] },
    };
    const finance = problem('p2', { title: '融资难', ownerDepartment: 'finance', workKinds: [] });
    const { enterpriseName: _, ...facts } = finance;
    openPage('/problems', district, {
      'GET /problems': {
        ...LEDGER,
        items: [problem('p1', { title: '用地指标', ownerDepartment: 'district' }), finance],
      },
      'GET /problems/p2': { ...facts, handling: null, progress: [], closeSummary: null, extension: null },
    });
    const table = await screen.findByTestId('ledger-table');
    const row = async (title: string) => (await within(table).findByText(title)).closest('tr') as HTMLElement;
    expect(within(await row('用地指标')).getByTestId('open-problem')).toHaveTextContent(/^办\s*理$/);
    const other = within(await row('融资难')).getByTestId('open-problem');
    expect(other).toHaveTextContent(/^查\s*看$/);
    await userEvent.click(other);
    const drawer = await screen.findByTestId('problem-drawer');
    expect(await within(drawer).findByTestId('worked-by')).toHaveTextContent(
      '该问题由产业金融处或企业服务专员办理',
    );
    expect(within(drawer).queryByTestId('problem-actions')).toBeNull();
  });

  it('names the district by its pinyin name in English', async () => {
    await i18n.changeLanguage('en');
    openPage('/problems', USERS.coordinator, { 'GET /reference': REFERENCE, 'GET /problems': LEDGER });
    const table = await screen.findByTestId('ledger-table');
    await waitFor(() => expect(within(table).getAllByText('Yubei District')).toHaveLength(2));
    expect(table).not.toHaveTextContent('渝北区');
  });

  it('filters by status and exports what the filters show', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:ledger');
    URL.revokeObjectURL = vi.fn();
    const { calls } = openPage('/problems', USERS.coordinator, {
      'GET /problems': LEDGER,
      'GET /problems/export.xlsx': 'xlsx',
    });
    await screen.findByText('融资难');
    await userEvent.click(screen.getByRole('combobox', { name: '化解状态' }));
    await userEvent.click(await screen.findByTitle('已升级'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/problems?status=escalated&page=1&pageSize=50'),
    );
    await userEvent.click(screen.getByTestId('export'));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/problems/export.xlsx?status=escalated'));
  });

  it('shows a problem’s timeline and records progress from its dialog, per department', async () => {
    const finance = {
      username: 'fin',
      role: 'finance_officer',
      scope: { department: 'finance' },
      displayName: '金融处',
    } as const;
    const detail = {
      ...problem('p2', { title: '融资难', ownerDepartment: 'finance' }),
      handling: null,
      progress: [{ at: '2026-07-02T01:00:00Z', actor: 'fin', actorName: '金融处', note: '已对接三家银行' }],
      closeSummary: null,
      extension: null,
    };
    const { calls } = openPage('/problems', finance, {
      'GET /problems': LEDGER,
      'GET /problems/p2': detail,
      'POST /problems/p2/progress': () => ({ status: 201, body: { problem: detail, taskId: null } }),
    });
    // 产业金融处's ledger opens on its own problems.
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/problems?owner=finance&page=1&pageSize=50'),
    );
    // The rows of that answer render after the request: wait for them.
    const row = await waitFor(() => {
      const found = within(screen.getByTestId('ledger-table'))
        .getAllByRole('row')
        .find((r) => r.textContent?.includes('融资难'));
      expect(found).toBeDefined();
      return found!;
    });
    await userEvent.click(within(row).getByTestId('open-problem'));
    const drawer = await screen.findByTestId('problem-drawer');
    expect(await within(drawer).findByTestId('problem-timeline')).toHaveTextContent('已对接三家银行');
    // Each label on one line: on a phone the label column broke 化解状态 into 化解 / 状态.
    expect(within(drawer).getByText('化解状态').closest('.ant-descriptions-item-label')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    await userEvent.click(within(drawer).getByTestId('work-progress'));
    await userEvent.type(await screen.findByRole('textbox', { name: '工作进展' }), '银行已受理');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        path: '/problems/p2/progress',
        body: { note: '银行已受理' },
      }),
    );
  });

  it('on a phone, shows every department of the board in wrapping rows, not a row scrolled sideways', async () => {
    const desktop = window.innerWidth;
    try {
      act(() => resizeWindow(390));
      const { calls } = openPage('/problems', USERS.coordinator, { 'GET /problems': LEDGER });
      await userEvent.click(await screen.findByTestId('ledger-filters-toggle'));
      const board = await screen.findByTestId('ledger-board');
      // A segmented control is one row: at 390 px 中小企业处 and the rest were scrolled out of sight.
      expect(board.querySelector('.ant-segmented')).toBeNull();
      expect(board).toHaveClass('ant-tag-checkable-group');
      const departments = within(board).getAllByRole('checkbox');
      expect(departments.map((d) => d.textContent)).toEqual([
        '全部部门',
        '科技处',
        '行业处室',
        '中小企业处',
        '产业金融处',
        '区县产业主管部门',
      ]);
      expect(departments[0]).toHaveAttribute('aria-checked', 'true');
      await userEvent.click(within(board).getByRole('checkbox', { name: '中小企业处' }));
      await waitFor(() =>
        expect(calls.map((c) => c.path)).toContain('/problems?owner=sme&page=1&pageSize=20'),
      );
      expect(within(board).getByRole('checkbox', { name: '中小企业处' })).toHaveAttribute(
        'aria-checked',
        'true',
      );
      // Tapping it again shows all departments again.
      await userEvent.click(within(board).getByRole('checkbox', { name: '中小企业处' }));
      await waitFor(() => expect(departments[0]).toHaveAttribute('aria-checked', 'true'));
    } finally {
      act(() => resizeWindow(desktop));
    }
  });

  it('opens with the filters a dashboard link carries in its address', async () => {
    const { calls } = openPage('/problems?category=market_common&owner=sme&overdue=true', USERS.coordinator, {
      'GET /problems': LEDGER,
    });
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/problems?category=market_common&overdue=true&owner=sme&page=1&pageSize=50',
      ),
    );
    expect(await screen.findByRole('checkbox')).toBeChecked();
    // On a desk the board and the filters stand in sight, no button before them (a phone folds them).
    expect(screen.getByTestId('ledger-filters')).toBeVisible();
    expect(screen.getByTestId('ledger-board')).toBeVisible();
    expect(screen.queryByTestId('ledger-filters-toggle')).toBeNull();
  });

  it('writes every filter, the board and the page to the address, and Back from an enterprise restores them', async () => {
    const { calls } = openPage('/problems', USERS.coordinator, {
      'GET /problems': { ...LEDGER, total: 120 },
      'GET /enterprises/91500000MA5U7DXX1F': {},
    });
    await screen.findByText('融资难');
    await userEvent.click(screen.getByRole('combobox', { name: '化解状态' }));
    await userEvent.click(await screen.findByTitle('已升级'));
    await waitFor(() => expect(window.location.search).toBe('?status=escalated'));
    await userEvent.click(screen.getByRole('checkbox'));
    await waitFor(() => expect(window.location.search).toBe('?status=escalated&overdue=true'));
    await userEvent.click(within(screen.getByTestId('ledger-board')).getByText('产业金融处'));
    await waitFor(() => expect(window.location.search).toBe('?status=escalated&overdue=true&owner=finance'));
    // A name typed letter by letter is one step Back, not one a letter.
    await userEvent.type(screen.getByPlaceholderText('企业名称'), '芯测');
    await waitFor(() =>
      expect(window.location.search).toBe(
        '?q=%E8%8A%AF%E6%B5%8B&status=escalated&overdue=true&owner=finance',
      ),
    );
    await userEvent.click(screen.getByRole('listitem', { name: '2' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('page')).toBe('2'));
    expect(calls.map((c) => c.path)).toContain(
      '/problems?q=%E8%8A%AF%E6%B5%8B&status=escalated&overdue=true&owner=finance&page=2&pageSize=50',
    );

    // Back through the steps: the page, then the name, then the board, each restored in the form.
    await act(async () => window.history.back());
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('page')).toBeNull());
    expect(screen.getByPlaceholderText('企业名称')).toHaveValue('芯测');
    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?status=escalated&overdue=true&owner=finance'));
    await waitFor(() => expect(screen.getByPlaceholderText('企业名称')).toHaveValue(''));
    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?status=escalated&overdue=true'));
    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?status=escalated'));
    await waitFor(() => expect(screen.getByRole('checkbox')).not.toBeChecked());

    // Opening an enterprise and coming Back finds the ledger as it was left.
    await userEvent.click(
      within(screen.getByTestId('ledger-table')).getAllByRole('link', { name: '重庆芯测科技有限公司' })[0],
    );
    await waitFor(() => expect(window.location.pathname).toBe('/enterprises/91500000MA5U7DXX1F'));
    await act(async () => window.history.back());
    await waitFor(() => expect(window.location.pathname).toBe('/problems'));
    expect(window.location.search).toBe('?status=escalated');
    const filters = await screen.findByTestId('ledger-filters');
    await waitFor(() => expect(within(filters).getByTitle('已升级')).toBeInTheDocument());
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/problems?')).at(-1)?.path).toBe(
        '/problems?status=escalated&page=1&pageSize=50',
      ),
    );
  });

  it('opens the dashboard’s 帮扶已结束 slice as a status of its own, named in the status filter', async () => {
    const { calls } = openPage('/problems?status=ended', USERS.leader, { 'GET /problems': LEDGER });
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/problems?status=ended&page=1&pageSize=50'),
    );
    const filters = await screen.findByTestId('ledger-filters');
    expect(within(filters).getByTitle('帮扶已结束')).toBeInTheDocument();
  });

  it('on a 390 px phone, puts the rows first: the board and filters behind one button that counts those set', async () => {
    await atWidth(390, async () => {
      const { calls } = openPage(
        '/problems?category=market_common&owner=sme&overdue=true',
        USERS.coordinator,
        {
          'GET /problems': LEDGER,
        },
      );
      await waitFor(() => expect(screen.getByTestId('ledger-table')).toHaveTextContent('融资难'));
      expect(calls.map((c) => c.path)).toContain(
        '/problems?category=market_common&overdue=true&owner=sme&page=1&pageSize=20',
      );
      const toggle = screen.getByTestId('ledger-filters-toggle');
      // 问题类别, 仅看逾期 and the department of the board.
      expect(toggle).toHaveTextContent('筛选 · 已设 3 项');
      expect(screen.getByTestId('ledger-filters')).not.toBeVisible();
      expect(screen.getByTestId('ledger-board')).not.toBeVisible();
      await userEvent.click(toggle);
      expect(screen.getByTestId('ledger-filters')).toBeVisible();
      await userEvent.click(within(screen.getByTestId('ledger-filters')).getByRole('checkbox'));
      await waitFor(() => expect(toggle).toHaveTextContent('筛选 · 已设 2 项'));
    });
  });

  it("shows an enterprise its own problems to read: no departments' board, no enterprise, district or cluster filter, no 办理", async () => {
    const enterprise: Actor = {
      username: 'ent-xince',
      role: 'enterprise_user',
      scope: { creditCodes: ['91500000MA5U7DXX1F'] },
    };
    openPage('/problems', enterprise, {
      'GET /problems': { ...LEDGER, items: LEDGER.items.map((p) => ({ ...p, workKinds: [] })) },
    });
    const table = await screen.findByTestId('ledger-table');
    await waitFor(() => expect(table).toHaveTextContent('融资难'));
    expect(screen.queryByTestId('ledger-board')).toBeNull();
    expect(screen.queryByText('全部部门')).toBeNull();
    const filters = screen.getByTestId('ledger-filters');
    expect(within(filters).queryByLabelText('区县')).toBeNull();
    expect(within(filters).queryByLabelText('企业')).toBeNull();
    expect(within(filters).queryByLabelText('产业集群')).toBeNull();
    const buttons = within(table).getAllByTestId('open-problem');
    expect(buttons.map((b) => b.textContent)).toEqual(['查看', '查看']);
    // Its own name is not repeated on every row.
    expect(within(table).queryByRole('columnheader', { name: '企业' })).toBeNull();
    expect(within(table).queryByText(LEDGER.items[0].enterpriseName)).toBeNull();
  });

  it('shows a department officer only its own department: no board of the others, always empty for it', async () => {
    const { calls } = openPage('/problems', departmentOfficer('sme'), { 'GET /problems': LEDGER });
    const asked = () => calls.filter((c) => c.path.startsWith('/problems?')).map((c) => c.path);
    await waitFor(() => expect(asked()[0]).toBe('/problems?owner=sme&page=1&pageSize=50'));
    expect(await screen.findByTestId('ledger-own-department')).toHaveTextContent('中小企业处牵头');
    expect(screen.queryByTestId('ledger-board')).toBeNull();
    expect(screen.queryByText('全部部门')).toBeNull();
    expect(screen.queryByText('产业金融处', { selector: '.ant-segmented-item-label' })).toBeNull();
  });

  it('keeps a department officer on its own department whatever department a shared link names', async () => {
    const { calls } = openPage('/problems?owner=sme&status=escalated', departmentOfficer('finance'), {
      'GET /problems': LEDGER,
    });
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        '/problems?status=escalated&owner=finance&page=1&pageSize=50',
      ),
    );
    expect(calls.some((c) => c.path.includes('owner=sme'))).toBe(false);
    expect(await screen.findByTestId('ledger-own-department')).toHaveTextContent('产业金融处');
  });

  it('on a phone, shows a department officer no department tags either', async () => {
    const desktop = window.innerWidth;
    try {
      act(() => resizeWindow(390));
      openPage('/problems', departmentOfficer('sme'), { 'GET /problems': LEDGER });
      await screen.findByTestId('ledger-own-department');
      expect(screen.queryByTestId('ledger-board')).toBeNull();
      expect(screen.queryAllByRole('checkbox', { name: '科技处' })).toEqual([]);
    } finally {
      act(() => resizeWindow(desktop));
    }
  });
});
