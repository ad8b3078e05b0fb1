import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../api/types';
import i18n from '../../i18n';
import { atWidth, fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTask } from '../tasks/taskFixture';
import { resizeWindow } from '../../test/media';
import { dateTimeText } from '../../format';

const officer: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  displayName: '渝北区经信委',
};
const REFERENCE_WITH_TASK_TYPE = {
  ...REFERENCE,
  taskTypes: { DISTRICT_FEEDBACK: { zh: '区县意见', en: 'District feedback' } } as typeof REFERENCE.taskTypes,
};
const task = (id: string, enterpriseName: string, dueAt: string, overdue = false) =>
  sampleTask({
    id,
    type: 'DISTRICT_FEEDBACK',
    label: { zh: '区县意见', en: 'District feedback' },
    creditCode: `91500112000000000${id}`,
    enterpriseName,
    stage: 'feedback',
    candidateGroups: ['district_officer:district:500112'],
    dueAt,
    overdue,
  });
const LATE = task('1', '重庆甲科技有限公司', '2020-01-01T00:00:00Z', true);
const SOON = {
  ...task('2', '重庆乙科技有限公司', new Date(Date.now() + 3600_000).toISOString()),
  assignee: 'district-500112-wang',
  assigneeName: '王科长',
};

const ENTERPRISE: Actor = {
  username: 'xince',
  role: 'enterprise_user',
  scope: { creditCodes: ['915001120000000001'] },
  displayName: '芯测联系人',
};
/** A member's step due in a week. */
const memberTask = (over: Parameters<typeof sampleTask>[0]) =>
  sampleTask({
    creditCode: '915001120000000001',
    enterpriseName: '重庆芯测科技有限公司',
    stage: 'supporting',
    dueAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    ...over,
  });
/** The enterprise's own open step: only its users are candidates. */
const ownReport = () =>
  memberTask({
    id: 'qr',
    type: 'QUARTERLY_REPORT',
    label: { zh: '季度报告', en: 'Quarterly report' },
    candidateGroups: ['enterprise_user:enterprise:915001120000000001'],
  });

describe('inbox', () => {
  it('lets a leader 催办 an overdue task from the list, and only an overdue one', async () => {
    const user = fastUser();
    const { calls } = openPage('/inbox?view=all', USERS.leader, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE, SOON], total: 2 },
      'POST /tasks/1/urge': { notified: ['district-500112'], notifiedNames: ['渝北区经信委 赵强'] },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆乙科技有限公司'));
    const urges = within(table).getAllByTestId('urge');
    expect(urges).toHaveLength(1);
    expect(urges[0].closest('tr')).toHaveTextContent('重庆甲科技有限公司');
    await user.click(urges[0]);
    await user.type(await screen.findByLabelText('催办说明（可选）'), '请本周内反馈');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /催\s*办/ }));
    await waitFor(() => expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /tasks/1/urge'));
  });

  // 三员 work no cases: the system administrator's 任务督办 offered 催办 beside an overdue task, and
  // the API took it. Neither the row nor the bulk bar offers it now (the API answers 403 READ_ONLY_ROLE).
  it('offers the system administrator no 催办 on its 任务督办, on the row or in bulk', async () => {
    openPage('/inbox?view=all', USERS.admin, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE, SOON], total: 2 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆乙科技有限公司'));
    expect(within(table).queryByTestId('urge')).toBeNull();
    // Nor an empty 操作 column.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).not.toContain('操作');
    // Nothing to do in bulk either: no row to select, no 批量办理 bar.
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByTestId('bulk-actions')).toBeNull();
  });

  it('keeps 催办 off, saying when, until the caller may urge again: the row’s urgeableAt, or the urge’s answer', async () => {
    const user = fastUser();
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const LATER = { ...task('3', '重庆丙科技有限公司', '2020-01-01T00:00:00Z', true), urgeableAt: inAnHour };
    openPage('/inbox?view=all', USERS.leader, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      // The list as it was: the reload after the urge does not say it yet, the answer does.
      'GET /tasks': { items: [LATE, LATER], total: 2 },
      'POST /tasks/1/urge': { notified: ['district-500112'], notifiedNames: ['赵强'], urgeableAt: inAnHour },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆丙科技有限公司'));
    const urgeOf = (name: string) =>
      within(within(table).getByText(name).closest('tr') as HTMLElement).getByTestId('urge');
    const when = `已催办，${dateTimeText(inAnHour)} 后可再次催办`;
    expect(urgeOf('重庆丙科技有限公司')).toBeDisabled();
    expect(urgeOf('重庆丙科技有限公司')).toHaveAccessibleName(when);
    expect(urgeOf('重庆甲科技有限公司')).toBeEnabled();
    await user.click(urgeOf('重庆甲科技有限公司'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /催\s*办/ }));
    await waitFor(() => expect(urgeOf('重庆甲科技有限公司')).toBeDisabled());
    expect(urgeOf('重庆甲科技有限公司')).toHaveAccessibleName(when);
  });

  // The row offered 催办 only on an overdue task, the bar 批量催办 on any selected one (and none at all
  // where every row's own was greyed): one rule now, inboxUrge, for both.
  it('offers 批量催办 exactly where the selected rows offer their own 催办, greyed as they are', async () => {
    const user = fastUser();
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    // Held by a colleague: the officer may urge them, not claim them.
    const URGED = { ...LATE, assignee: 'district-500112-wang', assigneeName: '王科长', urgeableAt: inAnHour };
    openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [URGED, SOON], total: 2 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆乙科技有限公司'));
    const rowOf = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    // Not yet due: no 催办 on the row, none in the bar.
    expect(within(rowOf('重庆乙科技有限公司')).queryByTestId('urge')).toBeNull();
    await user.click(within(rowOf('重庆乙科技有限公司')).getByRole('checkbox'));
    const bar = await screen.findByTestId('bulk-actions');
    expect(within(bar).queryByTestId('bulk-urge')).toBeNull();
    // Overdue but urged within the hours: the row's 催办 and the bar's are off alike, saying until when.
    const when = `已催办，${dateTimeText(inAnHour)} 后可再次催办`;
    expect(within(rowOf('重庆甲科技有限公司')).getByTestId('urge')).toBeDisabled();
    await user.click(within(rowOf('重庆甲科技有限公司')).getByRole('checkbox'));
    const bulkUrge = await within(bar).findByTestId('bulk-urge');
    expect(bulkUrge).toBeDisabled();
    expect(bulkUrge).toHaveAccessibleName(when);
  });

  it('gives a leader’s phone card an 操作 line only where there is something to do (催办 an overdue task)', async () => {
    const desktop = window.innerWidth;
    act(() => resizeWindow(390));
    try {
      openPage('/inbox?view=all', USERS.leader, {
        'GET /reference': REFERENCE_WITH_TASK_TYPE,
        'GET /views': [],
        'GET /tasks': { items: [LATE, SOON], total: 2 },
      });
      const cards = await screen.findByTestId('inbox-table');
      await waitFor(() => expect(cards).toHaveTextContent('重庆乙科技有限公司'));
      const card = (name: string) => within(cards).getByText(name).closest('.ant-card') as HTMLElement;
      expect(card('重庆甲科技有限公司')).toHaveTextContent('操作');
      expect(within(card('重庆甲科技有限公司')).getByTestId('urge')).toBeTruthy();
      expect(card('重庆乙科技有限公司')).not.toHaveTextContent('操作');
    } finally {
      act(() => resizeWindow(desktop));
    }
  });

  it('opens the system administrator on all tasks in scope: no task is for that role', async () => {
    const { calls } = openPage('/inbox', USERS.admin, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE], total: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆甲科技有限公司'));
    // No counts of 我可办理 or 我的, which would always be empty.
    expect(calls.map((c) => c.path)).not.toContainEqual(expect.stringContaining('view=inbox'));
    expect(calls.map((c) => c.path)).not.toContainEqual(expect.stringContaining('view=mine'));
    expect(calls.map((c) => c.path)).toContain('/tasks?view=all&status=open&sort=dueAt&page=1&pageSize=20');
  });

  // The walk as a leader: one 全部 button and no 已超期 tag, though a district's inbox had one.
  it('reads like a watcher’s view for a leader: 全部 and 已超期 with their counts, and the 已超期 N 件 tag', async () => {
    const user = fastUser();
    const { calls } = openPage('/inbox', USERS.leader, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': ({ path }: { path: string }) => ({
        body: path.includes('overdue=true') ? { items: [LATE], total: 1 } : { items: [LATE, SOON], total: 9 },
      }),
      'GET /tasks/counts': { inbox: null, mine: null, all: 9, overdue: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆乙科技有限公司'));
    const views = screen.getByTestId('inbox-view');
    await waitFor(() => expect(views).toHaveTextContent('全部 (9)已超期 (1)'));
    // Headed and reached as what a leader does here: 任务督办, not 待办任务 (the last walk).
    expect(screen.getAllByText('任务督办')).toHaveLength(2);
    expect(screen.queryByText('待办任务')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('overdue-count')).toHaveTextContent('已超期 1 件'));
    // The figures in one request (GET /tasks/counts counts a watcher's all and overdue among all,
    // as the dashboard's 逾期任务), not one list query each; nothing of what only a desk can do.
    const paths = calls.map((c) => c.path);
    expect(paths.filter((p) => p === '/tasks/counts')).toHaveLength(1);
    expect(paths).not.toContainEqual(expect.stringContaining('pageSize=1&'));
    expect(paths).not.toContainEqual(expect.stringContaining('view=inbox'));

    await user.click(within(views).getByText('已超期 (1)'));
    await waitFor(() => expect(window.location.search).toBe('?overdue=true'));
    expect(calls.map((c) => c.path)).toContain(
      '/tasks?view=all&status=open&overdue=true&sort=dueAt&page=1&pageSize=20',
    );
    await user.click(within(views).getByText('全部 (9)'));
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('offers no 催办 to the officers who may do the overdue task themselves', async () => {
    const { calls } = openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE], total: 1 },
      'GET /tasks/counts': { inbox: 1, mine: 0, all: null, overdue: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆甲科技有限公司'));
    expect(within(table).queryByTestId('urge')).toBeNull();
    // The list and its figures go out as the route is entered (primeInbox), each once, before what
    // the page's filters and saved views ask for: they waited for all of it to render (7 s under load).
    const paths = calls.map((c) => c.path);
    const list = '/tasks?view=inbox&status=open&sort=dueAt&page=1&pageSize=20';
    expect(paths.filter((p) => p === list || p === '/tasks/counts')).toEqual([list, '/tasks/counts']);
    expect(paths.indexOf('/tasks/counts')).toBeLessThan(paths.indexOf('/views?list=inbox'));
  });

  it('offers an enterprise neither 认领 nor 转办 on its own report: it does the step itself', async () => {
    const [enterprise, report] = [ENTERPRISE, ownReport()];
    openPage('/inbox', enterprise, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [report], total: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆芯测科技有限公司'));
    expect(within(table).queryByRole('button', { name: /认\s*领/ })).toBeNull();
    expect(within(table).queryByRole('button', { name: /转\s*办/ })).toBeNull();
    // …nor a 办理人 that is always 未认领, nor an empty 操作.
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['任务', '办理时限']));
    expect(headers).not.toContain('办理人');
    expect(headers).not.toContain('操作');
    expect(table).not.toHaveTextContent('未认领');

    // Nor in bulk (the server refuses an enterprise's claim per task, 403 ENTERPRISE_DOES_NOT_ASSIGN):
    // with nothing to do in bulk, no row is selectable and there is no 批量办理 bar.
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByTestId('bulk-card')).toBeNull();
  });

  it.each([1440, 390])(
    "shows an enterprise (%i px) its own steps with due and status, none of the officers' tools",
    async (width) => {
      const desktop = window.innerWidth;
      act(() => resizeWindow(width));
      const [enterprise, report] = [ENTERPRISE, ownReport()];
      try {
        const user = fastUser();
        const { calls } = openPage('/inbox', enterprise, {
          'GET /reference': REFERENCE_WITH_TASK_TYPE,
          'GET /views': [],
          'GET /tasks': { items: [report], total: 1 },
        });
        const list = await screen.findByTestId('own-steps');
        await waitFor(() => expect(list).toHaveTextContent('季度报告'));
        await waitFor(() => expect(within(list).getByTestId('step-status')).toHaveTextContent('待办'));
        expect(screen.queryByTestId('saved-views')).toBeNull();
        expect(screen.queryByTestId('inbox-filters')).toBeNull();
        expect(screen.queryByTestId('inbox-filters-toggle')).toBeNull();
        expect(list).not.toHaveTextContent('抄送我的');
        expect(list).not.toHaveTextContent('保存为视图');
        expect(calls.some((c) => c.path.startsWith('/views'))).toBe(false);
        await user.click(within(screen.getByTestId('own-steps-status')).getByText('已办结'));
        await waitFor(() =>
          expect(calls.map((c) => c.path)).toContain(
            '/tasks?view=inbox&status=done&sort=-createdAt&page=1&pageSize=20',
          ),
        );
      } finally {
        act(() => resizeWindow(desktop));
      }
    },
  );

  // The officers' inbox counted its tasks with GET /tasks/counts; an enterprise's own steps counted none.
  it('counts an enterprise’s own open steps and the overdue among them, in the one GET /tasks/counts', async () => {
    const { calls } = openPage('/inbox', ENTERPRISE, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks': { items: [ownReport()], total: 1 },
      'GET /tasks/counts': { inbox: 3, mine: 0, all: null, overdue: 1 },
    });
    const list = await screen.findByTestId('own-steps');
    await waitFor(() => expect(screen.getByTestId('overdue-count')).toHaveTextContent('已超期 1 件'));
    expect(within(screen.getByTestId('own-steps-status')).getByText('待办 (3)')).toBeInTheDocument();
    expect(list).toHaveTextContent('季度报告');
    expect(calls.filter((c) => c.path === '/tasks/counts')).toHaveLength(1);
  });

  it('sends an enterprise’s own steps and their figures as the route is entered, each once', async () => {
    const { calls } = openPage('/inbox?status=done&page=2', ENTERPRISE, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks': { items: [ownReport()], total: 21 },
      'GET /tasks/counts': { inbox: 3, mine: 0, all: null, overdue: 1 },
    });
    await waitFor(() => expect(screen.getByTestId('own-steps')).toHaveTextContent('季度报告'));
    const paths = calls.map((c) => c.path);
    const list = '/tasks?view=inbox&status=done&sort=-createdAt&page=2&pageSize=20';
    expect(paths.filter((p) => p === list || p === '/tasks/counts')).toEqual([list, '/tasks/counts']);
    // Beside GET /reference, not once the page's chunk has come and the layout has rendered around it.
    expect(paths.indexOf('/tasks/counts')).toBeLessThan(
      paths.indexOf('/notifications?unread=true&pageSize=1'),
    );
  });

  it.each([1440, 390])(
    'tells an enterprise (%i px) with nothing to do what will come there, not 暂无数据',
    async (width) => {
      const desktop = window.innerWidth;
      act(() => resizeWindow(width));
      try {
        openPage('/inbox', ENTERPRISE, {
          'GET /reference': REFERENCE_WITH_TASK_TYPE,
          'GET /tasks': { items: [], total: 0 },
        });
        const empty = await screen.findByTestId('own-steps-empty');
        expect(empty).toHaveTextContent('目前没有需要贵企业办理的事项');
        expect(empty).toHaveTextContent('季度报告');
        // 补充材料 is the nominating office's step (the enterprise home says so), never the enterprise's.
        expect(empty).not.toHaveTextContent('补充材料');
        expect(empty).toHaveTextContent('年度数据更新');
      } finally {
        act(() => resizeWindow(desktop));
      }
    },
  );

  it('says an enterprise’s own open step is 由企业办理, not 未认领, in an officer’s list', async () => {
    openPage('/inbox?view=all', USERS.leader, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [ownReport(), LATE], total: 2 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('季度报告'));
    const row = (id: string) => table.querySelector(`[data-row-key="${id}"]`)!;
    // ui-walk-7, a leader's 任务督办: 企业确认 and 季度报告 read 未认领, as if an officer should claim them.
    expect(row('qr')).toHaveTextContent('由企业办理');
    expect(row('qr')).not.toHaveTextContent('未认领');
    expect(row('1')).toHaveTextContent('未认领');
  });

  it('names who did a closed task in its 办理人, not 未认领', async () => {
    const done = {
      ...memberTask({
        id: 'd1',
        type: 'QUARTERLY_REVIEW',
        label: { zh: '季度调度评审', en: 'Quarterly review' },
        candidateGroups: ['industry_officer:cluster:T2'],
      }),
      status: 'done',
      outcome: 'continue',
      completedBy: 'industry-t2',
      completedByName: '电子信息处 王芳',
      completedAt: '2026-11-30T02:00:00Z',
    };
    openPage('/inbox?status=done', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [done], total: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('电子信息处 王芳'));
    expect(table).not.toHaveTextContent('未认领');
  });

  /** The coordinator's list of one `status` holding `task` alone; answers the table. */
  const openList = (status: string, task: unknown) => {
    openPage(`/inbox?status=${status}`, USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [task], total: 1 },
    });
    return screen.findByTestId('inbox-table');
  };
  /** Runs `check` with the UI in `language`, back in Chinese after. */
  const inLanguage = async (language: string, check: () => Promise<void>) => {
    await i18n.changeLanguage(language);
    try {
      await check();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  };

  // A step the policy decided by itself (a silent district) is the account `system`, whose name the
  // list's lookup falls back to: it read "system" where the timeline read 系统.
  it.each([
    ['zh-CN', '系统'],
    ['en', 'System'],
  ])('names the system as 系统 / System in 办理人 (%s)', async (language, says) => {
    const defaulted = {
      ...memberTask({
        id: 's1',
        type: 'DISTRICT_FEEDBACK',
        label: { zh: '区县反馈意见', en: 'District feedback' },
        candidateGroups: ['district_officer:district:500112'],
      }),
      status: 'done',
      outcome: 'support',
      completedBy: 'system',
      completedByName: 'system',
      completedAt: '2026-11-30T02:00:00Z',
    };
    await inLanguage(language, async () => {
      const table = await openList('done', defaulted);
      await waitFor(() => expect(within(table).getByText(says)).toHaveAttribute('title', 'system'));
      expect(table).not.toHaveTextContent(/system/);
    });
  });

  it.each([
    ['zh-CN', '已撤回（部门答复未解决）'],
    ['en', 'Withdrawn (answered not resolved)'],
  ])(
    'reads a 销号 request withdrawn on a 未解决 answer as such in the cancelled list (%s), as its task page does',
    async (language, says) => {
      const withdrawn = {
        ...memberTask({
          id: 'w1',
          type: 'PROBLEM_CLOSE',
          label: { zh: '问题销号审核', en: 'Problem close-out review' },
          candidateGroups: ['city_coordinator'],
        }),
        status: 'cancelled',
        outcome: 'close_withdrawn',
        completedAt: '2026-11-30T02:00:00Z',
      };
      await inLanguage(language, async () => {
        const table = await openList('cancelled', withdrawn);
        await waitFor(() =>
          expect(within(table).getByTestId('state-close_withdrawn')).toHaveTextContent(says),
        );
      });
    },
  );

  it.each([1440, 390])(
    'names the problem a 销号审核 decides in its row (%i px: table, phone cards)',
    async (width) => {
      const desktop = window.innerWidth;
      const closing = (id: string, problemTitle: string) => ({
        ...memberTask({
          id,
          type: 'PROBLEM_CLOSE',
          label: { zh: '问题销号审核', en: 'Problem close-out review' },
          candidateGroups: ['city_coordinator'],
        }),
        problemTitle,
      });
      try {
        act(() => resizeWindow(width));
        openPage('/inbox', USERS.coordinator, {
          'GET /reference': REFERENCE_WITH_TASK_TYPE,
          'GET /views': [],
          'GET /tasks': {
            items: [closing('c1', '流动资金紧张'), closing('c2', '关键设备进口受限')],
            total: 2,
          },
        });
        // On a phone the list becomes cards once the screen is measured: look it up again.
        await waitFor(() =>
          expect(
            within(screen.getByTestId('inbox-table'))
              .getAllByTestId('problem-title')
              .map((e) => e.textContent),
          ).toEqual(['流动资金紧张', '关键设备进口受限']),
        );
      } finally {
        act(() => resizeWindow(desktop));
      }
    },
  );

  it('gives the sort a quarter of the line on a desk: a sixth cut 按办理时限（先到期） at 1366 px', async () => {
    openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE], total: 1 },
    });
    const sort = await screen.findByTestId('filter-sort');
    expect(within(sort).getByText('按办理时限（先到期）')).toBeInTheDocument();
    // Six filters fill the first line (xl 4 each); the sort starts the second, beside 仅看超期.
    expect(sort).toHaveClass('ant-col-xl-6', 'ant-col-xs-24');
    expect(screen.getByTestId('filter-type')).toHaveClass('ant-col-xl-4');
  });

  it('on a phone, keeps the title in sight and the filters behind one button that counts those set', async () => {
    const desktop = window.innerWidth;
    try {
      act(() => resizeWindow(390));
      const user = fastUser();
      openPage('/inbox?type=DISTRICT_FEEDBACK&overdue=true&sort=-dueAt', officer, {
        'GET /reference': REFERENCE_WITH_TASK_TYPE,
        'GET /views': [],
        'GET /tasks': { items: [LATE], total: 1 },
      });
      // The list becomes cards once the screen is measured: look it up again until it shows the task.
      await waitFor(() => expect(screen.getByTestId('inbox-table')).toHaveTextContent('重庆甲科技有限公司'));
      // The order is not a condition: two are set, the task type and 仅看超期.
      const toggle = screen.getByTestId('inbox-filters-toggle');
      expect(toggle).toHaveTextContent('筛选与视图 · 已设 2 项条件');
      expect(screen.getByTestId('inbox-filters')).not.toBeVisible();
      expect(screen.getByTestId('saved-views')).not.toBeVisible();
      await user.click(toggle);
      expect(screen.getByTestId('inbox-filters')).toBeVisible();
      expect(screen.getByTestId('saved-views')).toBeVisible();
      // In the head's extra the saved views would squeeze 待办任务 to nothing.
      const head = document.querySelector('.ant-card-head') as HTMLElement;
      expect(head).toHaveTextContent('待办任务');
      expect(within(head).queryByTestId('saved-views')).toBeNull();
    } finally {
      act(() => resizeWindow(desktop));
    }
  });

  it('at 320 px, wraps the four views into tags in sight instead of a row past the screen’s edge', async () => {
    await atWidth(320, async () => {
      const user = fastUser();
      const { calls } = openPage('/inbox', officer, {
        'GET /reference': REFERENCE_WITH_TASK_TYPE,
        'GET /views': [],
        'GET /tasks': { items: [LATE], total: 12 },
        'GET /tasks/counts': { inbox: 12, mine: 12, all: null, overdue: 1 },
      });
      await waitFor(() => expect(screen.getByTestId('inbox-table')).toHaveTextContent('重庆甲科技有限公司'), {
        timeout: 30_000,
      });
      const views = screen.getByTestId('inbox-view');
      // A segmented control is one row that does not wrap: 可办理 (12) … 全部 ran 80 px past the edge.
      expect(views.querySelector('.ant-segmented')).toBeNull();
      expect(views).toHaveClass('ant-tag-checkable-group');
      const tags = within(views).getAllByRole('checkbox');
      expect(tags.map((tag) => tag.textContent)).toEqual([
        '可办理 (12)',
        '我的任务 (12)',
        '抄送我的',
        '全部',
      ]);
      expect(tags[0]).toHaveAttribute('aria-checked', 'true');
      await user.click(tags[3]);
      await waitFor(() => expect(window.location.search).toBe('?view=all'));
      expect(calls.map((c) => c.path)).toContain('/tasks?view=all&status=open&sort=dueAt&page=1&pageSize=20');
      // Tapping the chosen view again keeps it: there is always a list.
      await user.click(within(views).getByRole('checkbox', { name: '全部' }));
      expect(within(views).getByRole('checkbox', { name: '全部' })).toHaveAttribute('aria-checked', 'true');
      expect(window.location.search).toBe('?view=all');
    });
  });

  // 批量同意 sent a colleague's claimed row too, which came back 409 TASK_CLAIMED (phone-admin's walk):
  // it is left out, and the dialog and the results say so.
  it('marks overdue and due-soon tasks and completes in bulk only the selected rows that are the caller’s', async () => {
    const user = fastUser();
    let bulkDone = false;
    const bulkAnswer = { results: [{ taskId: '1', ok: true, status: 200 }], succeeded: 1, failed: 0 };
    const { calls } = openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': ({ path }: { path: string }) => ({
        body: path.includes('overdue=true') ? { items: [LATE], total: 1 } : { items: [LATE, SOON], total: 2 },
      }),
      'GET /tasks/counts': () => ({ body: { inbox: 2, mine: 1, all: null, overdue: bulkDone ? 0 : 1 } }),
      'POST /tasks/bulk': () => {
        bulkDone = true;
        return { body: bulkAnswer };
      },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(within(table).getByText('重庆甲科技有限公司')).toBeInTheDocument());
    expect(within(table).getByTestId('due-overdue')).toHaveTextContent('已超期');
    expect(within(table).getByTestId('due-soon')).toHaveTextContent('即将到期');
    // Who holds a task, by name; the account is its tooltip.
    expect(within(table).getByText('王科长')).toHaveAttribute('title', 'district-500112-wang');
    await waitFor(() => expect(screen.getByTestId('overdue-count')).toHaveTextContent('已超期 1 件'));

    await user.click(within(table).getAllByRole('checkbox')[0]);
    // The card's own title: a ribbon lay over the buttons that wrap to the right on a phone.
    expect(within(screen.getByTestId('bulk-card')).getByText('批量办理')).toHaveClass('ant-card-head-title');
    await user.click(await screen.findByRole('button', { name: '批量同意' }));
    await user.type(await screen.findByLabelText('区县意见'), '同意推荐');
    // 王科长 holds the second.
    expect(screen.getByTestId('bulk-complete-skips')).toHaveTextContent(
      '所选任务中有 1 项已由他人认领或您无权办理',
    );
    await user.click(screen.getByRole('button', { name: '应用到 1 项任务' }));

    expect(await screen.findByText('批量办理结果：成功 1 项，失败 0 项')).toBeInTheDocument();
    expect(screen.getByTestId('bulk-note')).toHaveTextContent(
      '已办理 1 件；1 件由他人认领或您无权办理，未提交',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'complete',
      taskIds: ['1'],
      outcome: 'support',
      data: { opinion: '同意推荐' },
    });
    // The figures follow the completion: asked again (one request), the tag goes.
    await waitFor(() => expect(screen.queryByTestId('overdue-count')).toBeNull());
    expect(calls.filter((c) => c.path === '/tasks/counts')).toHaveLength(2);
  });

  // ui-walk-11: 批量认领 sent the colleague's claimed row too, which came back 任务已由 … 认领.
  it('claims in bulk only the selected rows the caller may claim, and says how many were left out', async () => {
    const user = fastUser();
    const { calls } = openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE, SOON], total: 2 },
      'GET /tasks/counts': { inbox: 2, mine: 0, all: null, overdue: 1 },
      'POST /tasks/bulk': { results: [{ taskId: '1', ok: true, status: 200 }], succeeded: 1, failed: 0 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆乙科技有限公司'));
    await user.click(within(table).getAllByRole('checkbox')[0]);
    await user.click(
      await within(await screen.findByTestId('bulk-actions')).findByRole('button', { name: '批量认领' }),
    );
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ action: 'claim', taskIds: ['1'] }),
    );
    expect(await screen.findByTestId('bulk-note')).toHaveTextContent(
      '已办理 1 件；1 件已由他人认领或您无权操作，未提交',
    );
  });

  // 批量催办 sent every selected row: each one the caller had urged within the hours came back 429.
  it('批量催办 sends only the rows that may be urged now and says how many wait, and until when', async () => {
    const user = fastUser();
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const inTwoHours = new Date(Date.now() + 7200_000).toISOString();
    const wangs = (id: string, name: string, urgeableAt?: string) => ({
      ...task(id, name, '2020-01-01T00:00:00Z', true),
      assignee: 'district-500112-wang',
      assigneeName: '王科长',
      urgeableAt: urgeableAt ?? null,
    });
    const { calls } = openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': {
        items: [
          wangs('1', '重庆甲科技有限公司'),
          wangs('2', '重庆乙科技有限公司', inTwoHours),
          wangs('3', '重庆丙科技有限公司', inAnHour),
          wangs('4', '重庆丁科技有限公司'),
        ],
        total: 4,
      },
      'POST /tasks/bulk': {
        results: [
          { taskId: '1', ok: true, status: 200 },
          { taskId: '4', ok: true, status: 200 },
        ],
        succeeded: 2,
        failed: 0,
      },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆丁科技有限公司'));
    // All four, by the header's checkbox.
    await user.click(within(table).getAllByRole('checkbox')[0]);
    await user.click(await within(await screen.findByTestId('bulk-actions')).findByTestId('bulk-urge'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ action: 'urge', taskIds: ['1', '4'] }),
    );
    expect(await screen.findByTestId('bulk-note')).toHaveTextContent(
      `已催办 2 件，2 件尚需等待至 ${dateTimeText(inTwoHours)}`,
    );
  });

  // bulk-keyed: a row whose workflow task was failing came back 503 WORKFLOW_TASK_RETRYING (nothing
  // applied). 重试失败项 sends only it again, with the bulk's Idempotency-Key, and puts its answer in place.
  it('批量催办 offers 重试失败项 for the rows answered 503, sent again with the same key', async () => {
    const user = fastUser();
    const wangs = (id: string, name: string) => ({
      ...task(id, name, '2020-01-01T00:00:00Z', true),
      assignee: 'district-500112-wang',
      assigneeName: '王科长',
      urgeableAt: null,
    });
    const retrying = {
      taskId: '4',
      ok: false,
      status: 503,
      code: 'WORKFLOW_TASK_RETRYING',
      message: '流程正在恢复，请稍后重试',
    };
    let sends = 0;
    const { calls } = openPage('/inbox', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [wangs('1', '重庆甲科技有限公司'), wangs('4', '重庆丁科技有限公司')], total: 2 },
      'POST /tasks/bulk': () => {
        sends += 1;
        return sends === 1
          ? { body: { results: [{ taskId: '1', ok: true, status: 200 }, retrying], succeeded: 1, failed: 1 } }
          : { body: { results: [{ taskId: '4', ok: true, status: 200 }], succeeded: 1, failed: 0 } };
      },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆丁科技有限公司'));
    await user.click(within(table).getAllByRole('checkbox')[0]);
    await user.click(await within(await screen.findByTestId('bulk-actions')).findByTestId('bulk-urge'));
    expect(await screen.findByText('批量办理结果：成功 1 项，失败 1 项')).toBeInTheDocument();
    expect(screen.getByTestId('bulk-note')).toHaveTextContent('已催办 1 件');
    expect(screen.getByTestId('bulk-retryable')).toHaveTextContent('1 件因流程正在恢复或超时未办理');
    await user.click(screen.getByRole('button', { name: '重试失败项（1）' }));
    expect(await screen.findByText('批量办理结果：成功 2 项，失败 0 项')).toBeInTheDocument();
    expect(screen.getByTestId('bulk-note')).toHaveTextContent('已催办 2 件');
    expect(screen.queryByTestId('bulk-retryable')).toBeNull();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([
      { action: 'urge', taskIds: ['1', '4'] },
      { action: 'urge', taskIds: ['4'] },
    ]);
    // Both with the bulk's one key: the server answers a row done with its first result.
    const keys = vi
      .mocked(fetch)
      .mock.calls.filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  // 委托代理: district-500112-b stands in for district-500112, who holds the feedback. The bar offered
  // only 催办 (which the API refuses a proxy: it would reach only the absent principal), no 转办.
  it('offers a proxy 转办 and 批量转办 of the principal’s tasks, for them (代 X), and no 催办', async () => {
    const user = fastUser();
    const proxy: Actor = { ...officer, username: 'district-500112-b', displayName: '钱七' };
    const held = { ...LATE, assignee: officer.username, assigneeName: '渝北区 赵强' };
    const { calls } = openPage('/inbox', proxy, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [held], total: 1 },
      'GET /me/proxy': { proxy: null, standingInFor: [officer.username] },
      'GET /tasks/1/candidates': [
        {
          username: 'district-500112-c',
          displayName: '孙八',
          role: 'district_officer',
          assignee: false,
          self: false,
          onBehalfOf: null,
        },
      ],
      'POST /tasks/bulk': { results: [{ taskId: '1', ok: true, status: 200 }], succeeded: 1, failed: 0 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆甲科技有限公司'));
    // The row too: 转办 for the principal, no 催办 of the overdue task (the API refuses it, URGE_OWN_TASK).
    expect(within(table).getByText(/转\s*办/)).toBeInTheDocument();
    expect(within(table).queryByTestId('urge')).toBeNull();
    await user.click(within(table).getAllByRole('checkbox')[0]);
    const bar = await screen.findByTestId('bulk-actions');
    expect(within(bar).queryByTestId('bulk-urge')).toBeNull();
    await user.click(await within(bar).findByTestId('bulk-reassign'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('acting-for')).toHaveTextContent('（代 渝北区 赵强）');
    await user.click(await within(dialog).findByLabelText('转办给'));
    const [sun] = await screen.findAllByTestId('person-option');
    expect(sun).toHaveTextContent(/^孙八（district-500112-c）\s· 区县经信部门$/);
    await user.click(sun);
    await user.type(within(dialog).getByLabelText('转办原因（可选）'), '休假期间');
    await user.click(within(dialog).getByRole('button', { name: '应用到 1 项任务' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        action: 'reassign',
        taskIds: ['1'],
        to: 'district-500112-c',
        reason: '休假期间',
      }),
    );
  });

  // The walk (npm start): 赵强 selecting his own tasks was offered 赵强 in 批量转办, and his proxy
  // 钱丽 was offered 赵强 who holds them; the single 转办 offers neither.
  it('批量转办 offers neither who holds the tasks nor the caller, but a proxy themselves (代 X)', async () => {
    const user = fastUser();
    const held = { ...LATE, assignee: officer.username, assigneeName: '渝北区 赵强' };
    const holder = { username: officer.username, displayName: '渝北区 赵强', role: 'district_officer' };
    const colleague = { username: 'district-500112-b', displayName: '钱七', role: 'district_officer' };
    const pick = async (caller: Actor, candidates: unknown[], extra: Record<string, unknown>) => {
      openPage('/inbox', caller, {
        'GET /reference': REFERENCE_WITH_TASK_TYPE,
        'GET /views': [],
        'GET /tasks': { items: [held], total: 1 },
        'GET /tasks/1/candidates': candidates,
        ...extra,
      });
      const table = await screen.findByTestId('inbox-table');
      await waitFor(() => expect(table).toHaveTextContent('重庆甲科技有限公司'));
      await user.click(within(table).getAllByRole('checkbox')[0]);
      await user.click(await within(await screen.findByTestId('bulk-actions')).findByTestId('bulk-reassign'));
      const dialog = await screen.findByRole('dialog');
      await user.click(await within(dialog).findByLabelText('转办给'));
      await screen.findAllByRole('option');
      const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
      cleanup();
      return offered;
    };
    expect(
      await pick(
        officer,
        [
          { ...holder, assignee: true, self: true, onBehalfOf: null },
          { ...colleague, assignee: false, self: false, onBehalfOf: null },
        ],
        {},
      ),
    ).toEqual([expect.stringMatching(/^钱七（district-500112-b）\s· 区县经信部门$/)]);
    const proxy: Actor = { ...officer, username: colleague.username, displayName: colleague.displayName };
    expect(
      await pick(
        proxy,
        [
          { ...holder, assignee: true, self: false, onBehalfOf: null },
          {
            ...colleague,
            assignee: false,
            self: true,
            onBehalfOf: { username: holder.username, displayName: holder.displayName },
          },
        ],
        { 'GET /me/proxy': { proxy: null, standingInFor: [officer.username] } },
      ),
    ).toEqual([expect.stringMatching(/^自己（代 渝北区 赵强 办理） · 钱七（district-500112-b）/)]);
  });

  it('names on a row copied to me (抄送) who copied it, a proxy as 王五（代 张三）', async () => {
    openPage('/inbox?view=cc', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [{ ...LATE, copied: true, copiedByName: '钱七（代 区县 孙八）' }], total: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    expect(await within(table).findByTestId('mark-copied')).toHaveTextContent('抄送');
    expect(within(table).getByTestId('copied-by')).toHaveTextContent('来自 钱七（代 区县 孙八）');
  });

  it('reads its filter from the address, as the dashboard links it, and writes a change back', async () => {
    const user = fastUser();
    const { calls } = openPage('/inbox?view=all&overdue=true&department=district', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE], total: 1 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(within(table).getByText('重庆甲科技有限公司')).toBeInTheDocument());
    const asked = () => calls.filter((c) => c.path.startsWith('/tasks?')).map((c) => c.path);
    expect(asked()[0]).toBe(
      '/tasks?view=all&status=open&department=district&overdue=true&sort=dueAt&page=1&pageSize=20',
    );
    expect(screen.getByRole('checkbox', { name: '仅看超期' })).toBeChecked();
    expect(within(screen.getByTestId('inbox-filters')).getByText('区县经信部门')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: '仅看超期' }));
    await waitFor(() => expect(window.location.search).toBe('?view=all&department=district'));
    await waitFor(() =>
      expect(asked()).toContain(
        '/tasks?view=all&status=open&department=district&sort=dueAt&page=1&pageSize=20',
      ),
    );
  });

  it('counts the overdue tasks by district and department in the UI’s language, each narrowing the list', async () => {
    const user = fastUser();
    const { calls } = openPage('/inbox?view=all&overdue=true', officer, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [LATE], total: 1 },
      'GET /tasks/overdue/summary': {
        total: 3,
        byDepartment: [
          { department: 'district', label: { zh: '区县经信部门', en: 'District officers' }, count: 3 },
        ],
        byDistrict: [{ district: '500112', label: { zh: '渝北区', en: 'Yubei District' }, count: 3 }],
      },
    });
    const breakdown = await screen.findByTestId('overdue-breakdown', {}, { timeout: 30_000 });
    expect(breakdown).toHaveTextContent('逾期按区县渝北区 3');
    expect(breakdown).toHaveTextContent('逾期按部门区县经信部门 3');
    await user.click(within(breakdown).getByTestId('overdue-500112'));
    await waitFor(() => expect(window.location.search).toBe('?view=all&overdue=true&district=500112'));
    expect(calls.map((c) => c.path)).toContain(
      '/tasks?view=all&status=open&district=500112&overdue=true&sort=dueAt&page=1&pageSize=20',
    );
    await i18n.changeLanguage('en');
    try {
      await waitFor(() => expect(breakdown).toHaveTextContent('Overdue by districtYubei District 3'));
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  /** The actor's empty inbox says its department's problems are in the ledger, and leads there. */
  async function expectLedgerWay(actor: Actor, department: string, owner: string) {
    const user = fastUser();
    const { calls } = openPage('/inbox', actor, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [], total: 0 },
      'GET /problems': { items: [], total: 0, page: 1, pageSize: 50 },
    });
    const empty = await screen.findByTestId('department-empty');
    expect(within(screen.getByTestId('inbox-table')).getByTestId('department-empty')).toBe(empty);
    expect(empty).toHaveTextContent(`${department}牵头化解的问题在问题台账中办理`);
    await user.click(within(empty).getByText(`查看${department}的问题台账`));
    await waitFor(() => expect(window.location.pathname).toBe('/problems'));
    expect(window.location.search).toBe(`?owner=${owner}`);
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(`/problems?owner=${owner}&page=1&pageSize=50`),
    );
  }

  it('tells a department officer with nothing to do that the work is in the ledger, and leads there', async () => {
    const sme: Actor = {
      username: 'sme-officer',
      role: 'sme_officer',
      scope: { department: 'sme' },
      displayName: '中小企业处 周涛',
    };
    await expectLedgerWay(sme, '中小企业处', 'sme');
  });

  it("tells an industry officer with nothing to do that 行业处室's problems are in the ledger", async () => {
    // An industry officer's scope is its clusters: it names no department.
    const industry: Actor = {
      ...officer,
      username: 'industry-t2',
      role: 'industry_officer',
      scope: { clusters: ['T2'] },
    };
    await expectLedgerWay(industry, '行业处室', 'industry');
  });

  it('tells a district officer with nothing to do that 区县产业主管部门’s problems are in the ledger', async () => {
    // The officer of these tests: its scope is its district, naming no department.
    await expectLedgerWay(officer, '区县产业主管部门', 'district');
  });

  it('keeps the plain empty list for an officer without a department', async () => {
    // 服务专员 own no ledger department: their inbox is their desk.
    const commissioner: Actor = {
      username: 'commissioner',
      role: 'commissioner',
      scope: {},
      displayName: '王专员',
    };
    openPage('/inbox', commissioner, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /views': [],
      'GET /tasks': { items: [], total: 0 },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('暂无数据'));
    expect(screen.queryByTestId('department-empty')).toBeNull();
  });
});
