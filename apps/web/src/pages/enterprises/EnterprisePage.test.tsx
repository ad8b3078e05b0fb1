import { ROLE_LABELS } from '@hardtech/domain/roles';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { resizeWindow } from '../../test/media';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../api/types';
import i18n from '../../i18n';
import { openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { CODE, ENTERPRISE, HISTORY } from './enterprise.fixture';
import STATECHART from './statechart.fixture.json';

/** The enterprise page as `user` sees it, the API answering with the fixtures unless overridden. */
function open(user: Actor = USERS.coordinator, overrides: Record<string, unknown> = {}) {
  return openPage(`/enterprises/${CODE}`, user, {
    'GET /reference': REFERENCE,
    [`GET /enterprises/${CODE}`]: ENTERPRISE,
    [`GET /enterprises/${CODE}/history`]: HISTORY,
    [`GET /enterprises/${CODE}/statechart`]: STATECHART,
    'GET /attachments': [
      {
        id: 'a125d673-ab6c-450e-a2b6-15cad44c3c6a',
        subject: 'nomination',
        purpose: 'C3',
        fileName: '技术中心认定.pdf',
        size: 2048,
        uploadedBy: 'district-500112',
        uploadedByName: '渝北区科技局王科长',
        uploadedAt: '2026-11-25T09:32:34.410Z',
      },
    ],
    ...overrides,
  });
}

/** The page with these open tasks, each the fixture's quarterly report changed by its overrides. */
function openWithTasks(...tasks: Record<string, unknown>[]) {
  const [report] = ENTERPRISE.openTasks;
  return open(USERS.coordinator, {
    [`GET /enterprises/${CODE}`]: { ...ENTERPRISE, openTasks: tasks.map((task) => ({ ...report, ...task })) },
  });
}

describe('enterprise page', () => {
  it('shows the facts, the stage and the open tasks with links to them', async () => {
    const { calls } = open();
    expect(await screen.findByRole('heading', { name: ENTERPRISE.name })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('stage')).toHaveTextContent('帮扶中'));
    const facts = screen.getByTestId('facts');
    expect(facts).toHaveTextContent('渝北区');
    expect(facts).toHaveTextContent('8,000 万元');
    expect(facts).toHaveTextContent('2026-11-25 至 今');
    // The people who serve it by name, their accounts only as tooltips.
    expect(facts).toHaveTextContent('企业服务专员 王芳');
    expect(within(facts).getByText('企业服务专员 王芳')).toHaveAttribute('title', 'commissioner');
    expect(within(facts).getAllByText('渝北区经信委 赵强')).toHaveLength(2);
    expect(facts).not.toHaveTextContent('district-500112');
    const tasks = screen.getByTestId('open-tasks');
    expect(within(tasks).getByRole('link', { name: '季度报告' })).toHaveAttribute(
      'href',
      '/tasks/f60baf8b-f829-4a63-9519-9ebd4fbf0708',
    );
    expect(tasks).toHaveTextContent('已逾期');
    expect(tasks).toHaveTextContent('待认领：企业用户');
    // Only the enterprise's own users blow the whistle.
    expect(screen.queryByRole('button', { name: /吹哨/ })).not.toBeInTheDocument();
    expect(calls.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        `/enterprises/${CODE}`,
        `/enterprises/${CODE}/history`,
        `/enterprises/${CODE}/statechart`,
        `/attachments?creditCode=${CODE}`,
      ]),
    );
  });

  it('names who holds an open task and whom it waits for by name, not by login', async () => {
    openWithTasks(
      { id: 'held', assignee: 'ent-xince', assigneeName: '芯测 刘经理' },
      {
        id: 'waiting',
        type: 'DIAGNOSE',
        label: { zh: '企业成长诊断', en: 'Growth diagnosis' },
        candidateGroups: ['user:commissioner'],
        candidateNames: { commissioner: '企业服务专员 王芳' },
      },
    );
    const tasks = await screen.findByTestId('open-tasks');
    await waitFor(() => expect(tasks).toHaveTextContent('办理人 芯测 刘经理'));
    expect(tasks).toHaveTextContent('待认领：企业服务专员 王芳');
    expect(tasks).not.toHaveTextContent('ent-xince');
    expect(tasks).not.toHaveTextContent(/待认领：commissioner/);
  });

  it('names a district’s and a cluster’s officers once each, in English too', async () => {
    const groups = (id: string, candidateGroups: string[]) => ({
      id,
      type: 'DISTRICT_FEEDBACK',
      label: { zh: '区县反馈意见', en: 'District feedback' },
      candidateGroups,
      candidateNames: {},
    });
    const [report] = ENTERPRISE.openTasks;
    open(USERS.coordinator, {
      'GET /reference': { ...REFERENCE, roles: ROLE_LABELS },
      [`GET /enterprises/${CODE}`]: {
        ...ENTERPRISE,
        openTasks: [
          { ...report, ...groups('feedback', ['district_officer:district:500112']) },
          { ...report, ...groups('review', ['industry_officer:cluster:T2']) },
        ],
      },
    });
    const tasks = await screen.findByTestId('open-tasks');
    await waitFor(() => expect(tasks).toHaveTextContent('待认领：渝北区经信部门'));
    expect(tasks).toHaveTextContent('待认领：行业处室（功率半导体）');
    await i18n.changeLanguage('en');
    try {
      // "Yubei District District officer": the district's English name ends in District already.
      await waitFor(() =>
        expect(tasks).toHaveTextContent('to claim: Yubei District department of economy and IT'),
      );
      expect(tasks).toHaveTextContent('to claim: Industry officer (Power semiconductors)');
      expect(tasks).not.toHaveTextContent(/District District/);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('names the division a 部门报到 waits for, not its code', async () => {
    openWithTasks({
      id: 'whistle',
      type: 'WHISTLE_RESPONSE',
      label: { zh: '企业吹哨·部门报到', en: 'Whistle response' },
      candidateGroups: ['department:sme'],
      candidateNames: {},
    });
    const tasks = await screen.findByTestId('open-tasks');
    await waitFor(() => expect(tasks).toHaveTextContent('待认领：中小企业处'));
    expect(tasks).not.toHaveTextContent(/department|sme/);
  });

  it('draws the statechart with the current state highlighted and both feedback regions', async () => {
    open();
    const chart = await screen.findByTestId('statechart');
    const state = (id: string) => chart.querySelector(`[data-state="${id}"]`)!;
    expect(state('lifecycle.supporting')).toHaveAttribute('data-active', 'true');
    expect(state('lifecycle.supporting.waiting')).toHaveAttribute('data-active', 'true');
    expect(state('lifecycle.supporting.reporting')).not.toHaveAttribute('data-active');
    expect(state('lifecycle.screening')).not.toHaveAttribute('data-active');
    expect(state('lifecycle.feedback.district')).toHaveTextContent('区县');
    expect(state('lifecycle.feedback.enterprise')).toHaveTextContent('企业');
    for (const final of ['graduated', 'exited', 'rejected'])
      expect(state(`lifecycle.${final}`)).toHaveAttribute('data-final', 'true');
    // The stages in the statechart's order, left to right.
    const xs = ['screening', 'feedback', 'admission', 'diagnosis', 'supporting'].map((k) =>
      Number(state(`lifecycle.${k}`).querySelector('rect')!.getAttribute('x')),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('on a phone, keeps the statechart legible in a strip that scrolls sideways, opened on the current stage', async () => {
    const desktop = window.innerWidth;
    try {
      // Through resizeWindow: antd's breakpoints observe media queries that earlier tests' pages
      // opened, and a width set directly tells them nothing (this test failed in a full run).
      act(() => resizeWindow(390));
      open();
      // The breakpoint is measured after the first render; the strip scrolls in an effect after
      // the render that shows it, so each look takes the strip as it is then.
      const strip = () => screen.getByTestId('statechart-strip');
      const chart = () => within(strip()).getByTestId('statechart');
      await waitFor(() => expect(chart()).toBeTruthy());
      const width = Number(chart().getAttribute('viewBox')!.split(' ')[2]);
      // Drawn at its own size (1 px of the layout a pixel), not shrunk to the phone's width.
      expect(width).toBeGreaterThan(390);
      expect(chart().style.width).toBe(`${width}px`);
      expect(strip().style.overflowX).toBe('auto');
      // Opened on 帮扶中, far right of the path, and saying so.
      const supporting = chart().querySelector('[data-state="lifecycle.supporting"] rect')!;
      await waitFor(() =>
        expect(strip().scrollLeft).toBeGreaterThan(Number(supporting.getAttribute('x')) - 390),
      );
      expect(strip().scrollLeft).toBeGreaterThan(0);
      expect(screen.getByTestId('statechart-hint')).toHaveTextContent('当前：帮扶中（左右滑动查看完整流程）');
    } finally {
      act(() => resizeWindow(desktop));
    }
  });

  it('on a desktop, fits the statechart to the card', async () => {
    open();
    const chart = await screen.findByTestId('statechart');
    expect(chart.style.width).toBe('100%');
    expect(screen.queryByTestId('statechart-strip')).toBeNull();
  });

  it('shows the timeline newest first with actor, action and what was said', async () => {
    open();
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline).toHaveTextContent('区县反馈意见：同意'));
    // People by their names, values in words: 2,600 万元 and 筹备中, not 26000000 and preparing.
    expect(timeline).toHaveTextContent('渝北区科技局王科长');
    expect(timeline).not.toHaveTextContent('district-500112');
    expect(timeline).toHaveTextContent('意见：企业发展势头良好，同意推荐。');
    expect(timeline).toHaveTextContent('营业收入：2,600 万元');
    expect(timeline).not.toHaveTextContent('26000000');
    expect(timeline).not.toHaveTextContent('preparing');
    const text = timeline.textContent!;
    expect(text.indexOf('进入「帮扶中」阶段')).toBeLessThan(text.indexOf('推荐入库（第 1 轮）'));
    // Whom admission assigned and to whom a task was handed, by name; the accounts as tooltips.
    expect(timeline).toHaveTextContent('企业服务专员：企业服务专员 王芳');
    expect(timeline).toHaveTextContent('区县联络人：渝北区科技局王科长');
    expect(within(timeline).getByText('渝北区科技局钱科员')).toHaveAttribute('title', 'district-500113');
    expect(within(timeline).getByText('科技处 李明')).toHaveAttribute('title', 'coordinator');
    expect(timeline).not.toHaveTextContent(/commissioner|coordinator|district-5001/);
  });

  // The English timeline read "· system", lower-case, where the Chinese read 系统.
  it.each([
    ['zh-CN', '系统'],
    ['en', 'System'],
  ])('names what the system did as 系统 / System in the timeline (%s)', async (language, says) => {
    const defaulted = {
      ...HISTORY[1],
      actor: 'system',
      actorName: null,
      eventId: 9,
      label: { zh: '区县反馈意见：同意（按政策默认）', en: 'District feedback: support (policy default)' },
    };
    await i18n.changeLanguage(language);
    try {
      open(USERS.coordinator, { [`GET /enterprises/${CODE}/history`]: [...HISTORY, defaulted] });
      const timeline = await screen.findByTestId('timeline');
      await waitFor(() => expect(within(timeline).getByText(says)).toHaveAttribute('title', 'system'));
      expect(timeline).not.toHaveTextContent(/· system/);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('names each lifecycle’s nominator (推荐人), the account as tooltip', async () => {
    open();
    const lifecycles = await screen.findByTestId('lifecycles');
    expect(within(lifecycles).getByText('渝北区经信委 赵强')).toHaveAttribute('title', 'district-500112');
    expect(lifecycles).not.toHaveTextContent('district-500112');
  });

  it('names each lifecycle of 历次流程 by its round, 第 1 轮 / Round 1, not a bare 1', async () => {
    open();
    const lifecycles = await screen.findByTestId('lifecycles');
    expect(within(lifecycles).getByText('第 1 轮')).toBeInTheDocument();
    await i18n.changeLanguage('en');
    try {
      await waitFor(() => expect(within(lifecycles).getByText('Round 1')).toBeInTheDocument());
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('names the policy version as 政策参数 does: 第 1 版, not a bare 1', async () => {
    open();
    const facts = await screen.findByTestId('facts');
    expect(facts).toHaveTextContent('政策版本第 1 版');
  });

  it('names the round as 第 1 轮, not a bare 1', async () => {
    open();
    const facts = await screen.findByTestId('facts');
    expect(facts).toHaveTextContent('流程轮次第 1 轮');
    await i18n.changeLanguage('en');
    try {
      await waitFor(() => expect(facts).toHaveTextContent('LifecycleRound 1'));
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('lists the ledger with status and the evidence files with who uploaded them', async () => {
    open();
    const ledger = await screen.findByTestId('ledger');
    expect(ledger).toHaveTextContent('流动资金紧张');
    expect(ledger).toHaveTextContent('已升级');
    // Worded as the ledger's row words it (WHISTLE_STATUSES).
    expect(within(ledger).getByTestId('whistle')).toHaveTextContent('企业吹哨·待报到');
    // The target under the policy's name (明确目标任务), as the ledger names it.
    expect(within(ledger).getByRole('columnheader', { name: '目标任务' })).toBeInTheDocument();
    const files = await screen.findByTestId('attachments');
    await waitFor(() => expect(files).toHaveTextContent('技术中心认定.pdf'));
    expect(files).toHaveTextContent('渝北区科技局王科长');
    expect(files).not.toHaveTextContent('district-500112');
  });

  // The page called the measures 帮扶措施 and the owner 责任处室 where the ledger and the policy say
  // 化解措施 and 责任部门: one label each (libs/domain ledger.ts), in both languages.
  it('heads the measures and the owner as the ledger does, in Chinese and English', async () => {
    open();
    const ledger = await screen.findByTestId('ledger');
    for (const name of ['化解措施', '责任部门']) {
      expect(within(ledger).getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(ledger).not.toHaveTextContent(/帮扶措施|责任处室/);
    cleanup();
    await i18n.changeLanguage('en');
    try {
      open();
      const english = await screen.findByTestId('ledger');
      for (const name of ['Measures', 'Owner department', 'Target']) {
        expect(within(english).getByRole('columnheader', { name })).toBeInTheDocument();
      }
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('links an auditor to the enterprise’s audit trail (审计轨迹)', async () => {
    open(USERS.auditor);
    const link = await screen.findByTestId('audit-trail-link');
    expect(link).toHaveAttribute('href', `/audit?creditCode=${CODE}`);
    expect(link).toHaveTextContent('审计轨迹');
  });

  // The auditor's walk: 待办任务's 区县反馈意见 opened 无权访问, the task page being the inbox's; the
  // auditor now reads it (TASK_PAGE), so the open tasks link there again.
  it('links an auditor to the open tasks’ pages, which it reads', async () => {
    open(USERS.auditor);
    const tasks = await screen.findByTestId('open-tasks');
    expect(within(tasks).getByRole('link', { name: '季度报告' })).toHaveAttribute(
      'href',
      '/tasks/f60baf8b-f829-4a63-9519-9ebd4fbf0708',
    );
  });

  it('offers no audit trail to an officer', async () => {
    open();
    expect(await screen.findByRole('heading', { name: ENTERPRISE.name })).toBeInTheDocument();
    expect(screen.queryByTestId('audit-trail-link')).toBeNull();
  });

  it('opens the 一企一档 PDF in a new tab to print', async () => {
    const tab = { location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    URL.createObjectURL = vi.fn(() => 'blob:dossier');
    URL.revokeObjectURL = vi.fn();
    const { calls } = open(USERS.coordinator, { [`GET /enterprises/${CODE}/dossier.pdf`]: '%PDF-1.7' });
    await userEvent.click(await screen.findByRole('button', { name: /打印一企一档/ }));
    await waitFor(() => expect(tab.location.href).toBe('blob:dossier'));
    expect(window.open).toHaveBeenCalledWith('', '_blank');
    expect(calls.map((c) => c.path)).toContain(`/enterprises/${CODE}/dossier.pdf`);
    vi.restoreAllMocks();
  });

  it('says no such enterprise is within reach when the API answers 404, with a way back to the list', async () => {
    open(USERS.coordinator, {
      [`GET /enterprises/${CODE}`]: () => ({
        status: 404,
        body: { statusCode: 404, code: 'ENTERPRISE_NOT_FOUND', message: '企业不存在' },
      }),
    });
    const page = await screen.findByTestId('enterprise-notFound');
    expect(page).toHaveTextContent('未找到该企业');
    expect(page).toHaveTextContent(CODE);
    await userEvent.click(within(page).getByRole('button', { name: '返回企业库' }));
    await waitFor(() => expect(window.location.pathname).toBe('/enterprises'));
  });

  // From the walk: /enterprises/XXXX showed the API's bare 400 (creditCode: 统一社会信用代码应为 18 位…).
  it('says the credit code in the address is malformed when the API answers 400, in Chinese and English', async () => {
    const refusal = () => ({
      status: 400,
      body: {
        statusCode: 400,
        code: 'INVALID_INPUT',
        message: 'creditCode: 统一社会信用代码应为 18 位',
        details: [{ field: 'creditCode', message: '统一社会信用代码应为 18 位' }],
      },
    });
    const enterpriseUser: Actor = {
      username: 'ent-x',
      role: 'enterprise_user',
      scope: { creditCodes: [CODE] },
    };
    openPage('/enterprises/XXXX', enterpriseUser, { 'GET /enterprises/XXXX': refusal });
    const page = await screen.findByTestId('enterprise-malformed');
    expect(page).toHaveTextContent('统一社会信用代码格式不正确');
    expect(page).toHaveTextContent('“XXXX”');
    expect(page).not.toHaveTextContent('INVALID_INPUT');
    expect(within(page).getByRole('button', { name: '返回企业库' })).toBeInTheDocument();
    cleanup();

    await i18n.changeLanguage('en');
    try {
      openPage('/enterprises/XXXX', USERS.coordinator, { 'GET /enterprises/XXXX': refusal });
      const en = await screen.findByTestId('enterprise-malformed');
      expect(en).toHaveTextContent('The unified social credit code is not valid');
      expect(within(en).getByRole('button', { name: 'Back to the enterprises' })).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('reads the facts in English: money in millions, why a membership ended in words', async () => {
    await i18n.changeLanguage('en');
    try {
      open(USERS.coordinator, {
        [`GET /enterprises/${CODE}`]: {
          ...ENTERPRISE,
          stage: 'graduated',
          membership: [{ from: '2026-11-25', to: '2026-12-01', reason: 'doubled', lifecycleNo: 1 }],
        },
      });
      const facts = await screen.findByTestId('facts', {}, { timeout: 30_000 });
      expect(facts).toHaveTextContent('CNY 80 million');
      expect(facts).toHaveTextContent('Revenue doubled');
      expect(facts.textContent).not.toMatch(/万元|× 10k|· doubled/);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('tells the enterprise its diagnosis is done when the API leaves out the scores, not that none was made', async () => {
    const enterpriseUser: Actor = {
      username: 'ent-xince',
      role: 'enterprise_user',
      scope: { creditCodes: [CODE] },
    };
    open(enterpriseUser, {
      [`GET /enterprises/${CODE}`]: { ...ENTERPRISE, diagnosis: { by: null, at: '2026-10-09T02:00:00Z' } },
    });
    const none = await screen.findByTestId('portrait-none');
    expect(none).toHaveTextContent('成长诊断已于 2026-10-09 完成');
    expect(none).not.toHaveTextContent('尚未完成成长诊断');
  });

  it('says what 三年倍增 is computed from on a line of its own below 入库并报送季度数据后显示, before there is a chart', async () => {
    // The walk's enterprise read 入库并报送季度数据后显示按贵企业已报送的季度数据计算… as one sentence.
    open(USERS.coordinator, {
      [`GET /enterprises/${CODE}`]: { ...ENTERPRISE, baselineRevenue: null, quarterlyReports: [] },
    });
    const none = await screen.findByText('入库并报送季度数据后显示');
    const basis = screen.getByTestId('doubling-basis');
    expect(none.parentElement).toBe(basis.parentElement);
    expect(basis).toHaveStyle({ display: 'block' });
  });

  it('lets the enterprise blow the whistle on a ledger problem', async () => {
    const enterpriseUser: Actor = {
      username: 'ent-xince',
      role: 'enterprise_user',
      scope: { creditCodes: [CODE] },
    };
    // No whistle waits on it: the fixture's does (offered again once answered, the next test).
    const quiet = { ...ENTERPRISE.problems[0], whistleStatus: null, whistledAt: null };
    const { calls } = open(enterpriseUser, {
      [`GET /enterprises/${CODE}`]: { ...ENTERPRISE, problems: [quiet] },
      [`POST /enterprises/${CODE}/whistle`]: () => ({ status: 201, body: { taskId: 't1' } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /吹哨/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('台账问题（可选）'));
    await userEvent.click(await screen.findByTitle('流动资金紧张'));
    // The pick fills 问题 with the problem's title, which the enterprise may reword.
    expect(within(dialog).getByLabelText('问题')).toHaveValue('流动资金紧张');
    fireEvent.change(within(dialog).getByLabelText('问题'), { target: { value: '授信迟迟未落地' } });
    fireEvent.change(within(dialog).getByLabelText('问题描述及诉求'), {
      target: { value: '请产业金融处协调银行加快审批' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: /吹\s*哨/ }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: `/enterprises/${CODE}/whistle`,
        body: {
          problemId: 'b94cbd45-df4e-4f46-b554-133d331dc308',
          title: '授信迟迟未落地',
          description: '请产业金融处协调银行加快审批',
        },
      }),
    );
    expect(await screen.findByText('已吹哨，责任部门将报到处理')).toBeInTheDocument();
  }, 60_000);

  it('offers the problems the server lets it whistle on: none closed out (销号), none whose whistle awaits its answer', async () => {
    const enterpriseUser: Actor = {
      username: 'ent-xince',
      role: 'enterprise_user',
      scope: { creditCodes: [CODE] },
    };
    const [waiting] = ENTERPRISE.problems; // its whistle awaits the department (409 WHISTLE_OPEN)
    const closed = { ...waiting, id: 'closed-1', title: '已销号的老问题', status: 'resolved' };
    const answered = { ...waiting, id: 'answered-1', title: '已答复仍未解决', whistleStatus: 'answered' };
    open(enterpriseUser, {
      [`GET /enterprises/${CODE}`]: { ...ENTERPRISE, problems: [waiting, closed, answered] },
    });
    await userEvent.click(await screen.findByRole('button', { name: /吹哨/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('已销号的问题不能再吹哨');
    await userEvent.click(within(dialog).getByLabelText('台账问题（可选）'));
    expect(await screen.findByTitle('已答复仍未解决')).toBeInTheDocument();
    expect(screen.queryByTitle('流动资金紧张')).toBeNull();
    expect(screen.queryByTitle('已销号的老问题')).toBeNull();
  }, 60_000);
});
