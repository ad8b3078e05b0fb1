import { DEFAULT_POLICY } from '@hardtech/domain/policy';
import { dispatchQuarterChoices } from '@hardtech/domain/quarters';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quarterText } from '../../format';
import i18n from '../../i18n';
import type { FakeCall } from '../../test/fake-api';
import { resizeWindow } from '../../test/media';
import { fastUser, openPage, USERS } from '../../test/open-page';

const userEvent = fastUser();

const ACTIVE = { ...DEFAULT_POLICY, version: 3 };
const ROUTES = {
  'GET /admin/policy': ACTIVE,
  'GET /admin/policy/versions': [
    {
      version: 3,
      createdBy: 'coord-li',
      createdByName: '李统筹',
      createdByDepartment: { zh: '科技处', en: 'Science & technology division' },
      createdAt: '2026-09-01T02:00:00Z',
    },
    {
      version: 2,
      createdBy: 'system',
      createdByName: null,
      createdByDepartment: null,
      createdAt: '2026-05-01T02:00:00Z',
    },
  ],
  'GET /admin/schedules': [
    {
      id: 'quarterly-dispatch',
      description: {
        zh: '一季一调度：每季度首日北京时间 09:00 向帮扶中的企业派发季度报告',
        en: 'Quarterly dispatch: 09:00 (Asia/Shanghai) on the first day of each quarter',
      },
      timezone: 'Asia/Shanghai',
      paused: false,
      overlap: 'SKIP',
      nextRunTimes: ['2027-01-01T01:00:00Z'],
      recentRuns: [],
    },
  ],
};

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('policy administration', () => {
  it('saves the whole policy as a new version and shows that version', async () => {
    const { calls } = openPage('/admin/policy', USERS.admin, {
      ...ROUTES,
      'PUT /admin/policy': (call: FakeCall) => ({ body: { ...(call.body as object), version: 4 } }),
    });
    expect(await screen.findByTestId('policy-version')).toHaveTextContent('第 3 版');
    // Who published a version is named as a person (the account only as the tooltip), 系统 for the system.
    const [latest, first] = screen.getAllByTestId('policy-published-by');
    expect(latest.parentElement).toHaveTextContent(/^李统筹 · 科技处 · /);
    expect(latest).toHaveAttribute('title', 'coord-li');
    expect(first.parentElement).toHaveTextContent(/^系统 · /);
    expect(screen.getByTestId('policy-versions')).not.toHaveTextContent('coord-li');
    expect(screen.getByTestId('next-runs')).toHaveTextContent('2027-01-01');

    const capacity = screen.getByLabelText('帮扶库容量（家）');
    await userEvent.clear(capacity);
    await userEvent.type(capacity, '320');
    await userEvent.click(
      within(screen.getByTestId('policy')).getAllByRole('button', { name: /保存为新版本/ })[0],
    );

    await waitFor(() => expect(screen.getByTestId('policy-version')).toHaveTextContent('第 4 版'));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ ...ACTIVE, poolCapacity: 320 });
  });

  it('shows a refused save beside the SLA entry it concerns and keeps the input', async () => {
    openPage('/admin/policy', USERS.admin, {
      ...ROUTES,
      'PUT /admin/policy': () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'INVALID_INPUT',
          message: '输入有误',
          details: [{ field: 'sla.SCREEN.due', message: '办理时限必须大于零' }],
        },
      }),
    });
    await screen.findByTestId('policy-version');
    const capacity = screen.getByLabelText('帮扶库容量（家）');
    await userEvent.clear(capacity);
    await userEvent.type(capacity, '280');
    fireEvent.click(within(screen.getByTestId('policy')).getAllByRole('button', { name: /保存为新版本/ })[0]);
    expect(await screen.findByText('办理时限必须大于零')).toBeInTheDocument();
    expect(screen.getByTestId('field-sla.SCREEN')).toHaveTextContent('办理时限必须大于零');
    expect(screen.getByTestId('policy-version')).toHaveTextContent('第 3 版');
    expect(capacity).toHaveValue('280');
  });

  it('runs the quarterly dispatch for an ended quarter only, and says what it did without the workflow id', async () => {
    const [last, before] = dispatchQuarterChoices(new Date());
    const { calls } = openPage('/admin/policy', USERS.coordinator, {
      ...ROUTES,
      'POST /admin/quarterly-dispatch/trigger': {
        quarter: before,
        members: 12,
        workflowId: `quarterly-dispatch/${before}/manual-1`,
      },
    });
    // Offered: the last ended quarter (chosen) and the one before; never the current quarter.
    const select = await screen.findByTestId('dispatch-quarter');
    expect(select).toHaveTextContent(`${quarterText(last, 'zh')}（上一季度）`);
    await userEvent.click(within(select).getByRole('combobox'));
    await screen.findByTitle(quarterText(before, 'zh'));
    const options = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(options).toEqual([`${quarterText(last, 'zh')}（上一季度）`, quarterText(before, 'zh')]);
    await userEvent.click(screen.getByTitle(quarterText(before, 'zh')));
    await userEvent.click(screen.getByTestId('trigger-dispatch'));
    expect(await screen.findByText(`立即开展 ${quarterText(before, 'zh')}调度？`)).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    const done = await screen.findByTestId('dispatch-result');
    expect(done).toHaveTextContent(`已完成 ${quarterText(before, 'zh')}调度：共 12 家帮扶中企业`);
    expect(done).not.toHaveTextContent('manual-1');
    expect(calls).toContainEqual({
      method: 'POST',
      path: '/admin/quarterly-dispatch/trigger',
      body: { quarter: before },
    });
  });

  it('says in English what the dispatch did, the quarter written 2026 Q3, one enterprise in the singular', async () => {
    await i18n.changeLanguage('en');
    const [last] = dispatchQuarterChoices(new Date());
    openPage('/admin/policy', USERS.coordinator, {
      ...ROUTES,
      'POST /admin/quarterly-dispatch/trigger': { quarter: last, members: 1, workflowId: 'wf-1' },
    });
    expect(await screen.findByTestId('dispatch-quarter')).toHaveTextContent(
      `${quarterText(last, 'en')} (last quarter)`,
    );
    await userEvent.click(screen.getByTestId('trigger-dispatch'));
    await userEvent.click(await screen.findByRole('button', { name: /OK/ }));
    const done = await screen.findByTestId('dispatch-result');
    expect(done).toHaveTextContent(`Dispatch of ${quarterText(last, 'en')} done: 1 enterprise in support`);
    expect(done).not.toHaveTextContent('wf-1');
  });

  it('starts the year’s 动态管理 beside the quarter’s dispatch, after saying what it opens', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const { calls } = openPage('/admin/policy', USERS.coordinator, {
      ...ROUTES,
      'POST /admin/annual-review/trigger': {
        year,
        members: 12,
        opened: 11,
        workflowId: `annual-review-${year}`,
      },
    });
    await userEvent.click(await screen.findByTestId('trigger-annual-review'));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent(`立即开启 ${year} 年度动态管理？`);
    expect(confirm).toHaveTextContent(`每家在库企业的企业用户将收到 ${year} 年度数据更新待办，`);
    await userEvent.click(within(confirm).getByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByTestId('annual-review-result')).toHaveTextContent(
      `${year} 年度动态管理已开启：在库企业 12 家，新开待办 11 项`,
    );
    // What happened in words; the workflow's id is for operators, not on the page.
    expect(screen.getByTestId('annual-review-result')).not.toHaveTextContent(`annual-review-${year}`);
    expect(calls).toContainEqual({ method: 'POST', path: '/admin/annual-review/trigger', body: { year } });
  });

  it('lets the coordinator pick last year for 动态管理, and the confirmation says it is last year', async () => {
    const year =
      Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
      ) - 1;
    const { calls } = openPage('/admin/policy', USERS.coordinator, {
      ...ROUTES,
      'POST /admin/annual-review/trigger': {
        year,
        members: 12,
        opened: 3,
        workflowId: `annual-review-${year}`,
      },
    });
    const picker = await screen.findByRole('combobox', { name: '年度' });
    // This year or last, nothing else.
    await userEvent.click(picker);
    await screen.findByTitle(`${year} 年`);
    const options = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(options).toEqual([`${year + 1} 年`, `${year} 年`]);
    await userEvent.click(await screen.findByTitle(`${year} 年`));
    await userEvent.click(screen.getByTestId('trigger-annual-review'));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent(`立即开启 ${year} 年度动态管理？`);
    expect(confirm).toHaveTextContent(`已开启 ${year} 年度的企业不重复`);
    expect(confirm).toHaveTextContent(`所选为上一年度（${year}），不是本年度（${year + 1}）。`);
    await userEvent.click(within(confirm).getByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByTestId('annual-review-result')).toHaveTextContent(
      `${year} 年度动态管理已开启：在库企业 12 家，新开待办 3 项`,
    );
    expect(calls).toContainEqual({ method: 'POST', path: '/admin/annual-review/trigger', body: { year } });
  });

  it('opens the read-only Temporal UI for an administrator, after the API set its cookie', async () => {
    const tab = { location: { href: 'about:blank' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const { calls } = openPage('/admin/policy', USERS.admin, {
      ...ROUTES,
      'POST /ops/temporal-ui/session': {},
    });
    await userEvent.click(await screen.findByRole('button', { name: /打开 Temporal 控制台/ }));
    await waitFor(() => expect(tab.location.href).toBe('/temporal/'));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/ops/temporal-ui/session')).toBe(true);
    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    open.mockRestore();
  });

  it('names each schedule in the UI’s language, its whole title wrapping rather than cut with …', async () => {
    await i18n.changeLanguage('en');
    openPage('/admin/policy', USERS.coordinator, ROUTES);
    const title = await screen.findByTestId('schedule-title');
    expect(title).toHaveTextContent(
      'Quarterly dispatch: 09:00 (Asia/Shanghai) on the first day of each quarter',
    );
    expect(title.closest('.ant-descriptions-title')).toHaveStyle({ whiteSpace: 'normal' });
  });

  it('marks the version in force and a schedule running in English capitalised like every other tag', async () => {
    await i18n.changeLanguage('en');
    openPage('/admin/policy', USERS.admin, ROUTES);
    const versions = await screen.findByTestId('policy-versions');
    await waitFor(() => expect(within(versions).getByText('In force')).toBeInTheDocument());
    expect(within(versions).queryByText('active')).toBeNull();
    // The schedules' state tags beside it, likewise.
    await screen.findByTestId('next-runs');
    expect(screen.queryByText('running')).toBeNull();
    expect(screen.getByText('Running')).toBeInTheDocument();
  });

  it('says a schedule runs in 北京时间, not Asia/Shanghai', async () => {
    openPage('/admin/policy', USERS.admin, ROUTES);
    const state = (await screen.findByText('运行中')).closest('td')!;
    expect(state).toHaveTextContent('运行中北京时间');
    expect(screen.getByTestId('operations')).not.toHaveTextContent('Asia/Shanghai');
  });

  // antd named the hidden clear button of a Select "Clear" and InputNumber's step arrows "Increase
  // Value" / "Decrease Value", whatever the language: a screen reader read English on a Chinese page.
  it('names its hidden controls (clear, step arrows) in the page’s language', async () => {
    const english = () =>
      [...document.querySelectorAll('button[aria-label], [role="button"][aria-label]')]
        .map((el) => el.getAttribute('aria-label')!)
        .filter((name) => /[A-Za-z]{3}/.test(name));
    openPage('/admin/policy', USERS.admin, ROUTES);
    await screen.findByTestId('policy-version');
    await waitFor(() => expect(screen.getAllByRole('button', { name: '清除' }).length).toBeGreaterThan(0));
    expect(screen.getAllByRole('button', { name: '增加' }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: '减少' }).length).toBeGreaterThan(0);
    expect(english()).toEqual([]);

    await act(() => i18n.changeLanguage('en'));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Clear' }).length).toBeGreaterThan(0));
    expect(screen.getAllByRole('button', { name: 'Increase' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Increase Value' })).toBeNull();
  });

  // At 390 px 运行中 sat against 北京时间 beside its label and the two next runs ran to the card's edge.
  it('lays a schedule out for a phone: each label above its value, one next run a line', async () => {
    const desktop = window.innerWidth;
    act(() => resizeWindow(390));
    try {
      const [schedule] = ROUTES['GET /admin/schedules'];
      openPage('/admin/policy', USERS.coordinator, {
        ...ROUTES,
        'GET /admin/schedules': [
          { ...schedule, nextRunTimes: ['2027-01-01T01:00:00Z', '2027-04-01T01:00:00Z'] },
        ],
      });
      const runs = await screen.findByTestId('next-runs');
      expect(
        within(runs)
          .getAllByTestId('next-run')
          .map((run) => run.textContent),
      ).toEqual(['2027-01-01 09:00:00', '2027-04-01 09:00:00']);
      expect(runs).not.toHaveTextContent('；');
      // The label in a row of its own, the state below it.
      const label = screen.getByText('状态');
      expect(label.closest('tr')).not.toHaveTextContent('运行中');
      expect(screen.getByText('运行中')).toHaveStyle({ marginInlineEnd: '8px' });
    } finally {
      act(() => resizeWindow(desktop));
    }
  });

  it('offers the Temporal UI to administrators only', async () => {
    openPage('/admin/policy', USERS.coordinator, ROUTES);
    expect(await screen.findByTestId('next-runs')).toBeInTheDocument();
    expect(screen.queryByTestId('open-temporal-ui')).toBeNull();
  });
});
